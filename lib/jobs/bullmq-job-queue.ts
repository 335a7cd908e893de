import { randomUUID } from "node:crypto";
import { type Job, Queue, UnrecoverableError, Worker } from "bullmq";
import { Redis } from "ioredis";
import { trackQueueDepths, watchRedis } from "@/lib/metrics/infrastructure";
import { QUEUE_STATES } from "@/lib/metrics/queue-depths";
import type { Cadence } from "./cadence";
import { InvalidJobPayload, JOB_ATTEMPTS, JOB_BACKOFF_MS, type JobAttempt, type JobDefinition, type JobOptions, type JobQueue, QUEUE_NAME } from "./job-queue";
import type { JobRunRecorder } from "./job-run-recorder";
import { runRecorded } from "./run-recorded";

/** BullMQ keeps no field of ours on a job, so an admin's "Run now" is told apart by its job id. */
const MANUAL_PREFIX = "manual-";

function attemptOf(job: Job): JobAttempt {
  const trigger = job.repeatJobKey ? "schedule" : job.id?.startsWith(MANUAL_PREFIX) ? "manual" : "request";
  return { name: job.name, jobId: job.id ?? "", trigger, attempt: Math.max(1, job.attemptsStarted) };
}

/** Split mode: BullMQ on Redis. Producers fail fast; workers keep retrying their connection. */
export class BullmqJobQueue implements JobQueue {
  readonly kind = "bullmq" as const;
  private readonly queue: Queue;
  private worker: Worker | undefined;
  private readonly producer: Redis;
  private readonly closing = new AbortController();
  private readonly unwatchRedis: () => void;
  private stopDepths: (() => void) | undefined;

  constructor(
    private readonly url: string,
    private readonly onFailure: (name: string, error: unknown, willRetry: boolean) => void = () => undefined,
    private readonly queueName = QUEUE_NAME,
    private readonly recorder?: JobRunRecorder,
  ) {
    this.producer = new Redis(url, { maxRetriesPerRequest: 1, enableOfflineQueue: false });
    this.queue = new Queue(queueName, {
      connection: this.producer,
      defaultJobOptions: { attempts: JOB_ATTEMPTS, backoff: { type: "exponential", delay: JOB_BACKOFF_MS }, removeOnComplete: 500, removeOnFail: 1000 },
    });
    this.unwatchRedis = watchRedis("bullmq", this.producer);
  }

  async enqueue(name: string, payload: unknown, options: JobOptions = {}): Promise<string> {
    if (options.jobId && options.replaceFinished) await this.removeFinished(options.jobId);
    const jobId = options.trigger === "manual" ? `${MANUAL_PREFIX}${options.jobId ?? randomUUID()}` : options.jobId;
    const job = await this.queue.add(name, payload, jobId ? { jobId } : undefined);
    return job.id!;
  }

  private async removeFinished(jobId: string): Promise<void> {
    const existing = await this.queue.getJob(jobId);
    const state = await existing?.getState();
    if (state === "completed" || state === "failed") await existing!.remove();
  }

  /** Cron patterns in UTC whatever the server's zone; the queue's retry options apply to every scheduled job. */
  async schedule(name: string, cadence: Cadence, payload: unknown): Promise<void> {
    const repeat = "cron" in cadence ? { pattern: cadence.cron, tz: "UTC" } : { every: cadence.everyMs };
    await this.queue.upsertJobScheduler(name, repeat, { name, data: payload });
  }

  /** Drops a schedule no longer configured (RETRAIN_CRON=off), so an old one does not keep firing. */
  async unschedule(name: string): Promise<void> {
    await this.queue.removeJobScheduler(name);
  }

  async process(definitions: readonly JobDefinition[]): Promise<void> {
    const byName = new Map(definitions.map((d) => [d.name, d]));
    const connection = new Redis(this.url, { maxRetriesPerRequest: null });
    this.worker = new Worker(this.queueName, async (job) => {
      const definition = byName.get(job.name);
      if (!definition) throw new UnrecoverableError(`No processor for job ${job.name}`);
      try {
        return await runRecorded(definition, job.data, attemptOf(job), { progress: (p) => job.updateProgress(p), signal: this.closing.signal }, this.recorder);
      } catch (error) {
        if (error instanceof InvalidJobPayload) throw new UnrecoverableError(error.message);
        throw error;
      }
    }, { connection, concurrency: 1 });
    // The process that runs the queue exports its depths (a web process only produces).
    this.stopDepths = trackQueueDepths(this.queueName, () => this.queue.getJobCounts(...QUEUE_STATES));
    this.worker.on("failed", (job, error) => {
      if (job) this.onFailure(job.name, error, job.attemptsMade < (job.opts.attempts ?? 1));
    });
    await this.worker.waitUntilReady();
  }

  /** Removes the queue and everything in it from Redis (tests). */
  async obliterate(): Promise<void> {
    await this.queue.obliterate({ force: true });
  }

  async close(): Promise<void> {
    this.stopDepths?.();
    this.unwatchRedis();
    this.closing.abort();
    await this.worker?.close();
    await this.queue.close();
    await this.producer.quit().catch(() => this.producer.disconnect());
  }
}
