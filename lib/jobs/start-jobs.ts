import type { Logger } from "pino";
import { backtestJob } from "@/lib/backtest/jobs/backtest-job";
import { resumeUnfinishedRuns } from "@/lib/backtest/jobs/enqueue-run";
import { optimizeJob } from "@/lib/backtest/jobs/optimize-job";
import type { RunJobOptions } from "@/lib/backtest/jobs/run-execution";
import { resumeUnfinishedTraining } from "@/lib/ml/training/enqueue-training";
import { trainingJob, type TrainingJobOptions } from "@/lib/ml/training/training-job";
import type { Services } from "@/lib/runtime/services";
import { createJobQueue } from "./create-job-queue";
import type { JobQueue } from "./job-queue";
import { tickRetentionJob } from "./tick-retention";

const HOUR_MS = 3_600_000;

/** MLflow logging of training runs when MLFLOW_TRACKING_URI is set; its warnings go to this process's log. */
function trainingOptions(services: Services, log: Logger): TrainingJobOptions {
  const { MLFLOW_TRACKING_URI: trackingUri, MLFLOW_EXPERIMENT_NAME: experimentName } = services.config;
  return trackingUri ? { mlflow: { trackingUri, experimentName, warn: (details, message) => log.warn(details, message) } } : {};
}

/**
 * Every background job kind and its schedule; the embedded process and the split jobs process both start here.
 * The queue becomes services.jobs, so this process enqueues into the runner it hosts.
 */
export async function startJobs(services: Services, log: Logger, runOptions: RunJobOptions = {}): Promise<JobQueue> {
  const queue = await createJobQueue(services.config, (name, error, willRetry) =>
    log.warn({ job: name, err: error, willRetry }, willRetry ? "job failed; retrying with backoff" : "job failed for good"));
  const jobs = [tickRetentionJob(services.database), backtestJob(services.database, runOptions), optimizeJob(services.database, runOptions), trainingJob(services.database, trainingOptions(services, log))];
  await queue.process(jobs);
  await queue.schedule("tick-retention", HOUR_MS, { retentionHours: services.config.TICK_RETENTION_HOURS });
  services.jobs = queue;
  const resumed = await resumeUnfinishedRuns(services.database.db, queue);
  const resumedTraining = await resumeUnfinishedTraining(services.database.db, queue);
  log.info({ queue: queue.kind, jobs: jobs.map((j) => j.name), resumedRuns: resumed, resumedTraining }, "jobs started");
  return queue;
}
