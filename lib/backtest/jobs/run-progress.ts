import type { Database } from "@/lib/db/client";
import { writeProgress } from "./run-store";

/** Progress writes are throttled: a bar moving four times a second is smooth, and the database is not flooded. */
export const PROGRESS_INTERVAL_MS = 250;

/**
 * A run's progress as the job reports it. Each write also reads cancel_requested, so a cancel from the API is seen
 * within one interval without a query per chunk.
 */
export class RunProgress {
  private lastWrite = 0;
  private stop = false;

  constructor(
    private readonly db: Database,
    private readonly runId: string,
    private readonly onPercent: (percent: number) => Promise<void>,
    private readonly intervalMs = PROGRESS_INTERVAL_MS,
    private readonly shutdown?: AbortSignal,
  ) {}

  async report(fraction: number): Promise<void> {
    const now = Date.now();
    if (now - this.lastWrite < this.intervalMs) return;
    this.lastWrite = now;
    const clamped = Math.min(Math.max(fraction, 0), 1);
    this.stop = await writeProgress(this.db, this.runId, clamped);
    await this.onPercent(Math.round(clamped * 100));
  }

  /** True once a write saw a cancel request (or found the run gone), or when the process shuts down. */
  cancelled(): boolean {
    return this.stop || this.shutdown?.aborted === true;
  }
}
