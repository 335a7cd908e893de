import type { RecordedBar } from "@/lib/market/replay/recording";
import type { TrainingOutput } from "./trainer";
import type { TrainingRequest } from "./training-request";

/** Parent -> training worker. */
export type ToTrainingWorker = { type: "start"; bars: RecordedBar[]; request: TrainingRequest } | { type: "cancel" };

/** Training worker -> parent. */
export type FromTrainingWorker =
  | { type: "progress"; fraction: number; stage: string }
  | { type: "done"; output: TrainingOutput }
  | { type: "failed"; message: string; cancelled: boolean };
