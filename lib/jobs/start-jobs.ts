import type { Logger } from "pino";
import { backtestJob } from "@/lib/backtest/jobs/backtest-job";
import { resumeUnfinishedRuns } from "@/lib/backtest/jobs/enqueue-run";
import { optimizeJob } from "@/lib/backtest/jobs/optimize-job";
import type { RunJobOptions } from "@/lib/backtest/jobs/run-execution";
import { modelEvaluationJob } from "@/lib/ml/pipelines/model-evaluation-job";
import { modelExpiryJob } from "@/lib/ml/pipelines/model-expiry-job";
import { retrainJob } from "@/lib/ml/pipelines/retrain-job";
import { resumeUnfinishedTraining } from "@/lib/ml/training/enqueue-training";
import { trainingJob, type TrainingJobOptions } from "@/lib/ml/training/training-job";
import type { Services } from "@/lib/runtime/services";
import { alertSystemFailure, alerterOf } from "@/lib/alerts";
import { createJobQueue } from "./create-job-queue";
import { featureBackfillJob } from "./feature-backfill-job";
import type { JobDefinition, JobQueue } from "./job-queue";
import { databaseRecorder } from "./job-run-recorder";
import { jobSchedules } from "./job-schedules";
import { signalOutcomesJob } from "./signal-outcomes-job";
import { tickRetentionJob } from "./tick-retention";

/** MLflow logging of training runs when MLFLOW_TRACKING_URI is set; its warnings go to this process's log. */
function trainingOptions(services: Services, log: Logger): TrainingJobOptions {
  const { MLFLOW_TRACKING_URI: trackingUri, MLFLOW_EXPERIMENT_NAME: experimentName } = services.config;
  return trackingUri ? { mlflow: { trackingUri, experimentName, warn: (details, message) => log.warn(details, message) } } : {};
}

function jobDefinitions(services: Services, queue: JobQueue, log: Logger, runOptions: RunJobOptions): JobDefinition[] {
  const { database } = services;
  const alerter = alerterOf(services);
  return [
    tickRetentionJob(database, { path: services.config.DATABASE_URL ? "." : services.config.DATA_DIR, alerter }), backtestJob(database, runOptions), optimizeJob(database, runOptions), trainingJob(database, trainingOptions(services, log)),
    featureBackfillJob(database.db), retrainJob(database.db, queue), modelExpiryJob(database.db, queue), modelEvaluationJob(database.db), signalOutcomesJob(database, alerter),
  ];
}

/**
 * Every background job kind and its schedule; the embedded process and the split jobs process both start here.
 * The queue becomes services.jobs, so this process enqueues into the runner it hosts. Every attempt is recorded in
 * job_runs. A bad cron expression in config throws (InvalidCron, naming the variable) before anything starts.
 */
export async function startJobs(services: Services, log: Logger, runOptions: RunJobOptions = {}): Promise<JobQueue> {
  const schedules = jobSchedules(services.config);
  const queue = await createJobQueue(services.config, (name, error, willRetry) => {
    log.warn({ job: name, err: error, willRetry }, willRetry ? "job failed; retrying with backoff" : "job failed for good");
    if (!willRetry) void alertSystemFailure(alerterOf(services), { component: `job ${name}`, error });
  }, databaseRecorder(services.database.db));
  const jobs = jobDefinitions(services, queue, log, runOptions);
  await queue.process(jobs);
  for (const schedule of schedules) {
    if (schedule.cadence) await queue.schedule(schedule.name, schedule.cadence, schedule.payload);
    else await queue.unschedule(schedule.name);
  }
  services.jobs = queue;
  const resumed = await resumeUnfinishedRuns(services.database.db, queue);
  const resumedTraining = await resumeUnfinishedTraining(services.database.db, queue);
  log.info({ queue: queue.kind, jobs: jobs.map((j) => j.name), schedules: schedules.filter((s) => s.cadence).map((s) => s.name), resumedRuns: resumed, resumedTraining }, "jobs started");
  return queue;
}
