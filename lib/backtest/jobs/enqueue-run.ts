import type { Database } from "@/lib/db/client";
import type { JobQueue } from "@/lib/jobs/job-queue";
import type { RunRequest } from "./backtest-request";
import { BACKTEST_JOB } from "./backtest-job";
import { OPTIMIZE_JOB } from "./optimize-job";
import { listUnfinishedRuns } from "./run-store";

const JOB_OF_KIND: Record<RunRequest["kind"], string> = { backtest: BACKTEST_JOB, optimize: OPTIMIZE_JOB };

/** The job id is the run id (BullMQ forbids ':' in custom ids; a uuid has none): one queued job per run, ever. */
export function enqueueRun(queue: JobQueue, run: { id: string; kind: string }, options: { replaceFinished?: boolean } = {}): Promise<string> {
  const name = JOB_OF_KIND[run.kind as RunRequest["kind"]];
  if (!name) throw new RangeError(`unknown run kind: ${run.kind}`);
  return queue.enqueue(name, { runId: run.id }, { jobId: run.id, ...options });
}

/**
 * Enqueues again every run a stopped process left queued or running. A run whose job is still waiting or active
 * is not enqueued twice (BullMQ moves a stalled one back to waiting by itself); a job that gave up while its run
 * stayed unfinished (the database was down through every retry) is replaced.
 */
export async function resumeUnfinishedRuns(db: Database, queue: JobQueue): Promise<number> {
  const runs = await listUnfinishedRuns(db);
  for (const run of runs) await enqueueRun(queue, run, { replaceFinished: true });
  return runs.length;
}
