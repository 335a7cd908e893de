import type { Bar } from "@/lib/domain/market-data";
import type { StoredEnsemble } from "@/lib/ml/inference/load-ensemble";
import type { LiveCall, LiveRole, LiveVersion } from "./live-call";

/** Engine -> inference thread. Every message that expects an answer carries a sequence number. */
export type ToInferenceThread =
  | { type: "load"; seq: number; version: LiveVersion; stored: StoredEnsemble; history: Bar[] }
  | { type: "unload"; id: string }
  | { type: "role"; id: string; role: LiveRole }
  | { type: "bar"; seq: number; bar: Bar };

/** Inference thread -> engine. */
export type FromInferenceThread =
  | { type: "loaded"; seq: number; missingWarmupBars: number }
  | { type: "calls"; seq: number; calls: LiveCall[] }
  | { type: "failed"; seq: number; message: string };
