import { randomUUID } from "node:crypto";
import { trackQueueDepths } from "@/lib/metrics/infrastructure";
import { type Cadence, nextFireTime } from "./cadence";
import { InvalidJobPayload, JOB_ATTEMPTS, JOB_BACKOFF_MS, type JobDefinition, type JobOptions, type JobQueue, type JobTrigger, QUEUE_NAME } from "./job-queue";
import type { JobRunRecorder } from "./job-run-recorder";
import { runRecorded } from "./run-recorded";

interface PendingJob {
  id: string;
  name: string;
  payload: unknown;
  attempt: number;
  trigger: JobTrigger;
}

/** setTimeout's limit (about 24.8 days); a later fire time is reached in steps. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** The embedded mode's job runner: one job at a time, retried with exponential backoff, on this process's loop. */
export class MemoryJobQueue implements JobQueue {
  readonly kind = "memory" as const;
  private readonly pending: PendingJob[] = [];
  private readonly known = new Set<string>();
  private readonly definitions = new Map<string, JobDefinition>();
  private readonly schedules = new Map<string, NodeJS.Timeout>();
  private running = false;
  private active = 0;
  private retrying = 0;
  private stopDepths: (() => void) | undefined;
  private closed = false;
  private readonly closing = new AbortController();

  constructor(
    private readonly onFailure: (name: string, error: unknown, willRetry: boolean) => void = () => undefined,
    private readonly recorder?: JobRunRecorder,
  ) {}

  async enqueue(name: string, payload: unknown, options: JobOptions = {}): Promise<string> {
    return this.add(name, payload, options.jobId ?? randomUUID(), options.trigger ?? "request");
  }

  private add(name: string, payload: unknown, id: string, trigger: JobTrigger): string {
    if (this.known.has(id)) return id;
    this.known.add(id);
    this.pending.push({ id, name, payload, attempt: 1, trigger });
    this.drainSoon();
    return id;
  }

  /** One timer to the next fire time, set again after each firing; the fire time is the job id, as BullMQ's schedulers do. */
  async schedule(name: string, cadence: Cadence, payload: unknown): Promise<void> {
    clearTimeout(this.schedules.get(name));
    if (this.closed) return;
    const fireAt = nextFireTime(cadence, Date.now());
    const timer = setTimeout(() => {
      if (Date.now() >= fireAt) this.add(name, payload, `${name}:${fireAt}`, "schedule");
      void this.schedule(name, cadence, payload);
    }, Math.min(Math.max(0, fireAt - Date.now()), MAX_TIMER_MS));
    timer.unref();
    this.schedules.set(name, timer);
  }

  async unschedule(name: string): Promise<void> {
    clearTimeout(this.schedules.get(name));
    this.schedules.delete(name);
  }

  async process(definitions: readonly JobDefinition[]): Promise<void> {
    for (const definition of definitions) this.definitions.set(definition.name, definition);
    this.stopDepths ??= trackQueueDepths(QUEUE_NAME, async () => this.depths());
    this.drainSoon();
  }

  /**
   * BullMQ's states as far as this runner has them: retries waiting out their backoff are delayed. Schedules are
   * timers, not delayed jobs, and failures live only in job_runs, so there is no failed count.
   */
  depths(): { waiting: number; active: number; delayed: number } {
    return { waiting: this.pending.length, active: this.active, delayed: this.retrying };
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
    this.active++;
    try {
      const attempt = { name: job.name, jobId: job.id, trigger: job.trigger, attempt: job.attempt };
      await runRecorded(definition, job.payload, attempt, { progress: async () => undefined, signal: this.closing.signal }, this.recorder);
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
      this.retrying++;
      const retry = setTimeout(() => {
        this.retrying--;
        this.pending.push({ ...job, attempt: job.attempt + 1 });
        this.drainSoon();
      }, JOB_BACKOFF_MS * 2 ** (job.attempt - 1));
      retry.unref();
    } finally {
      this.active--;
    }
  }

  async close(): Promise<void> {
    this.stopDepths?.();
    this.closed = true;
    this.closing.abort();
    for (const timer of this.schedules.values()) clearTimeout(timer);
    while (this.running) await new Promise((r) => setTimeout(r, 10));
  }
}
