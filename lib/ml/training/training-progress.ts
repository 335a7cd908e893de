import type { Database } from "@/lib/db/client";
import { writeTrainingProgress } from "./training-run-store";

/** Progress writes are throttled as a backtest's are; every write also reads cancel_requested. */
export const TRAINING_PROGRESS_INTERVAL_MS = 250;

/**
 * A training run's progress as the job reports it. A stage change is always written (so "lstm epoch 3/8" is never
 * skipped for long); the cancel flag it reads aborts the run's controller, which stops the worker.
 */
export class TrainingProgress {
  private lastWrite = 0;

  constructor(
    private readonly db: Database,
    private readonly runId: string,
    private readonly controller: AbortController,
    private readonly onPercent: (percent: number) => Promise<void>,
    private readonly intervalMs = TRAINING_PROGRESS_INTERVAL_MS,
  ) {}

  readonly report = async (fraction: number, stage: string): Promise<void> => {
    const now = Date.now();
    if (now - this.lastWrite < this.intervalMs && fraction < 1) return;
    this.lastWrite = now;
    const clamped = Math.min(Math.max(fraction, 0), 1);
    if (await writeTrainingProgress(this.db, this.runId, clamped, stage)) this.controller.abort();
    await this.onPercent(Math.round(clamped * 100));
  };
}
