import type { Database } from "@/lib/db/client";
import type { JobQueue } from "@/lib/jobs/job-queue";
import { TRAINING_JOB } from "./training-job-name";
import { listUnfinishedTrainingRuns } from "./training-run-store";

/** The job id is the run id: one queued job per training run, ever. */
export function enqueueTraining(queue: JobQueue, runId: string, options: { replaceFinished?: boolean } = {}): Promise<string> {
  return queue.enqueue(TRAINING_JOB, { runId }, { jobId: runId, ...options });
}

/** Enqueues again every training run a stopped process left queued or running (as resumeUnfinishedRuns does for backtests). */
export async function resumeUnfinishedTraining(db: Database, queue: JobQueue): Promise<number> {
  const runs = await listUnfinishedTrainingRuns(db);
  for (const run of runs) await enqueueTraining(queue, run.id, { replaceFinished: true });
  return runs.length;
}
