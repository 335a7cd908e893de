import { randomUUID } from "node:crypto";
import { InvalidJobPayload, JOB_ATTEMPTS, JOB_BACKOFF_MS, type JobDefinition, type JobOptions, type JobQueue, parsePayload } from "./job-queue";

interface PendingJob {
  id: string;
  name: string;
  payload: unknown;
  attempt: number;
}

/** The embedded mode's job runner: one job at a time, retried with exponential backoff, on this process's loop. */
export class MemoryJobQueue implements JobQueue {
  readonly kind = "memory" as const;
  private readonly pending: PendingJob[] = [];
  private readonly known = new Set<string>();
  private readonly definitions = new Map<string, JobDefinition>();
  private readonly schedules = new Map<string, NodeJS.Timeout>();
  private running = false;
  private closed = false;
  private readonly closing = new AbortController();

  constructor(private readonly onFailure: (name: string, error: unknown, willRetry: boolean) => void = () => undefined) {}

  async enqueue(name: string, payload: unknown, options: JobOptions = {}): Promise<string> {
    const id = options.jobId ?? randomUUID();
    if (this.known.has(id)) return id;
    this.known.add(id);
    this.pending.push({ id, name, payload, attempt: 1 });
    this.drainSoon();
    return id;
  }

  async schedule(name: string, everyMs: number, payload: unknown): Promise<void> {
    clearInterval(this.schedules.get(name));
    const timer = setInterval(() => void this.enqueue(name, payload, { jobId: `${name}:${Math.floor(Date.now() / everyMs)}` }), everyMs);
    timer.unref();
    this.schedules.set(name, timer);
  }

  async process(definitions: readonly JobDefinition[]): Promise<void> {
    for (const definition of definitions) this.definitions.set(definition.name, definition);
    this.drainSoon();
  }

  private drainSoon(): void {
    if (!this.running && !this.closed) setImmediate(() => void this.drain());
  }

  private async drain(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      let job: PendingJob | undefined;
      while (!this.closed && (job = this.nextRunnable())) await this.runOne(job);
    } finally {
      this.running = false;
    }
  }

  private nextRunnable(): PendingJob | undefined {
    const index = this.pending.findIndex((j) => this.definitions.has(j.name));
    return index < 0 ? undefined : this.pending.splice(index, 1)[0];
  }

  private async runOne(job: PendingJob): Promise<void> {
    const definition = this.definitions.get(job.name)!;
    try {
      await definition.run(parsePayload(definition, job.payload), { progress: async () => undefined, signal: this.closing.signal });
      this.known.delete(job.id);
    } catch (error) {
      // Shutting down: the job's own state says what to resume on the next start.
      if (this.closed) return;
      const willRetry = !(error instanceof InvalidJobPayload) && job.attempt < JOB_ATTEMPTS;
      this.onFailure(job.name, error, willRetry);
      if (!willRetry) {
        this.known.delete(job.id);
        return;
      }
      const retry = setTimeout(() => {
        this.pending.push({ ...job, attempt: job.attempt + 1 });
        this.drainSoon();
      }, JOB_BACKOFF_MS * 2 ** (job.attempt - 1));
      retry.unref();
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    this.closing.abort();
    for (const timer of this.schedules.values()) clearInterval(timer);
    while (this.running) await new Promise((r) => setTimeout(r, 10));
  }
}
