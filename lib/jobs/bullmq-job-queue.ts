import { Queue, UnrecoverableError, Worker } from "bullmq";
import { Redis } from "ioredis";
import { InvalidJobPayload, JOB_ATTEMPTS, JOB_BACKOFF_MS, type JobDefinition, type JobOptions, type JobQueue, parsePayload, QUEUE_NAME } from "./job-queue";

/** Split mode: BullMQ on Redis. Producers fail fast; workers keep retrying their connection. */
export class BullmqJobQueue implements JobQueue {
  readonly kind = "bullmq" as const;
  private readonly queue: Queue;
  private worker: Worker | undefined;
  private readonly producer: Redis;
  private readonly closing = new AbortController();

  constructor(
    private readonly url: string,
    private readonly onFailure: (name: string, error: unknown, willRetry: boolean) => void = () => undefined,
    private readonly queueName = QUEUE_NAME,
  ) {
    this.producer = new Redis(url, { maxRetriesPerRequest: 1, enableOfflineQueue: false });
    this.queue = new Queue(queueName, {
      connection: this.producer,
      defaultJobOptions: { attempts: JOB_ATTEMPTS, backoff: { type: "exponential", delay: JOB_BACKOFF_MS }, removeOnComplete: 500, removeOnFail: 1000 },
    });
  }

  async enqueue(name: string, payload: unknown, options: JobOptions = {}): Promise<string> {
    if (options.jobId && options.replaceFinished) await this.removeFinished(options.jobId);
    const job = await this.queue.add(name, payload, options.jobId ? { jobId: options.jobId } : undefined);
    return job.id!;
  }

  private async removeFinished(jobId: string): Promise<void> {
    const existing = await this.queue.getJob(jobId);
    const state = await existing?.getState();
    if (state === "completed" || state === "failed") await existing!.remove();
  }

  async schedule(name: string, everyMs: number, payload: unknown): Promise<void> {
    await this.queue.upsertJobScheduler(name, { every: everyMs }, { name, data: payload });
  }

  async process(definitions: readonly JobDefinition[]): Promise<void> {
    const byName = new Map(definitions.map((d) => [d.name, d]));
    const connection = new Redis(this.url, { maxRetriesPerRequest: null });
    this.worker = new Worker(this.queueName, async (job) => {
      const definition = byName.get(job.name);
      if (!definition) throw new UnrecoverableError(`No processor for job ${job.name}`);
      try {
        return await definition.run(parsePayload(definition, job.data), { progress: (p) => job.updateProgress(p), signal: this.closing.signal });
      } catch (error) {
        if (error instanceof InvalidJobPayload) throw new UnrecoverableError(error.message);
        throw error;
      }
    }, { connection, concurrency: 1 });
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
    this.closing.abort();
    await this.worker?.close();
    await this.queue.close();
    await this.producer.quit().catch(() => this.producer.disconnect());
  }
}
