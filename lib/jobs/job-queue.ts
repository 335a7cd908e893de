import type { z } from "zod";
import type { Cadence } from "./cadence";

/** What started a job: its schedule, an admin's "Run now", or a request (a backtest, a training, a retrain). */
export type JobTrigger = "schedule" | "manual" | "request";

export interface JobContext {
  /** 0-100, shown to whoever watches the job. */
  progress(percent: number): Promise<void>;
  /** Aborted when the queue closes (shutdown): long jobs stop between steps and are picked up again later. */
  signal?: AbortSignal;
}

/** One kind of background job: a name, a validated payload and the work. Work must be idempotent (it may rerun). */
export interface JobDefinition<S extends z.ZodType = z.ZodType> {
  name: string;
  schema: S;
  run(payload: z.infer<S>, ctx: JobContext): Promise<unknown>;
}

export interface JobOptions {
  /** Same id, same job: a second enqueue while the first exists is dropped. */
  jobId?: string;
  /** With jobId: a job of that id that already completed or failed for good is removed and added again. */
  replaceFinished?: boolean;
  /** Recorded with each attempt; "request" when left out. */
  trigger?: Exclude<JobTrigger, "schedule">;
}

/** Which attempt of which job is running, as each attempt's job_runs row records it. */
export interface JobAttempt {
  name: string;
  jobId: string;
  trigger: JobTrigger;
  /** 1 for the first attempt, counting retries. */
  attempt: number;
}

/** Background jobs: BullMQ on Redis in split mode, an in-process runner in embedded mode. */
export interface JobQueue {
  readonly kind: "memory" | "bullmq";
  enqueue(name: string, payload: unknown, options?: JobOptions): Promise<string>;
  /** Runs a job on the cadence (cron in UTC, or every N ms); calling it again with the same name updates the schedule. */
  schedule(name: string, cadence: Cadence, payload: unknown): Promise<void>;
  /** Stops a schedule (one turned off in config); nothing when there is none. */
  unschedule(name: string): Promise<void>;
  /** Starts processing the given job kinds in this process. */
  process(definitions: readonly JobDefinition[]): Promise<void>;
  close(): Promise<void>;
}

export const JOB_ATTEMPTS = 3;
export const JOB_BACKOFF_MS = 1_000;
export const QUEUE_NAME = "tradeforge-jobs";

export class InvalidJobPayload extends Error {
  constructor(name: string, message: string) {
    super(`Job ${name}: invalid payload: ${message}`);
    this.name = "InvalidJobPayload";
  }
}

export function parsePayload<S extends z.ZodType>(definition: JobDefinition<S>, payload: unknown): z.infer<S> {
  const parsed = definition.schema.safeParse(payload);
  if (!parsed.success) throw new InvalidJobPayload(definition.name, parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "));
  return parsed.data;
}
