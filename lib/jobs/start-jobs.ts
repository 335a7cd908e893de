import type { Logger } from "pino";
import type { Services } from "@/lib/runtime/services";
import { createJobQueue } from "./create-job-queue";
import type { JobQueue } from "./job-queue";
import { tickRetentionJob } from "./tick-retention";

const HOUR_MS = 3_600_000;

/** Every background job kind and its schedule; the embedded process and the split jobs process both start here. */
export async function startJobs(services: Services, log: Logger): Promise<JobQueue> {
  const queue = await createJobQueue(services.config, (name, error, willRetry) =>
    log.warn({ job: name, err: error, willRetry }, willRetry ? "job failed; retrying with backoff" : "job failed for good"));
  await queue.process([tickRetentionJob(services.database)]);
  await queue.schedule("tick-retention", HOUR_MS, { retentionHours: services.config.TICK_RETENTION_HOURS });
  log.info({ queue: queue.kind, jobs: ["tick-retention"] }, "jobs started");
  return queue;
}
