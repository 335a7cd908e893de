import type { Predictions } from "@/lib/ml/evaluation/baselines";

export type MemberKind = "rf" | "lstm" | "ddqn";
export type ModelKind = MemberKind | "ensemble";

/** Reports a member's own progress (0..1 of its stage), awaited; a job writes it and checks for a cancel there. */
export type StageProgress = (fraction: number, detail: string) => Promise<void>;

/** A trained member: what the registry stores, and its predictions over sample positions for scoring and the ensemble. */
export interface TrainedMember {
  kind: MemberKind;
  params: Record<string, unknown>;
  artifact: unknown;
  durationMs: number;
  predict(positions: readonly number[]): Promise<Predictions>;
  dispose(): void;
}
