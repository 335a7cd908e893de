import { z } from "zod";
import { BacktestCancelled } from "@/lib/backtest/backtest-engine";
import type { DatabaseHandle } from "@/lib/db/client";
import type { JobContext } from "@/lib/jobs/job-queue";
import type { RunRequest } from "./backtest-request";
import { RunProgress } from "./run-progress";
import { claimRun, finishRun, type RunOutcome } from "./run-store";
import type { BacktestResultJson, OptimizeResultJson, RunStatus } from "./run-view";

/** Every run job carries only the run's id: the request is read from the row, so a retry sees the latest state. */
export const runJobPayloadSchema = z.object({ runId: z.uuid() }).strict();

export interface RunJobOptions {
  /** Bars per engine chunk: the event loop (the web server, in embedded mode) is yielded to between chunks. */
  chunkBars?: number;
  progressIntervalMs?: number;
}

export type RunWork<R extends RunRequest> = (request: R, progress: RunProgress) => Promise<BacktestResultJson | OptimizeResultJson>;

/** The work stopped between steps because a cancel was requested. */
export class RunCancelled extends Error {
  constructor() {
    super("Run cancelled");
    this.name = "RunCancelled";
  }
}

/** The process is shutting down: the run stays running and is enqueued again when jobs start next. */
export class RunInterrupted extends Error {
  constructor(runId: string) {
    super(`Run ${runId} interrupted by shutdown; it resumes when jobs start again`);
    this.name = "RunInterrupted";
  }
}

/**
 * Database and network errors carry a code (SQLSTATE, ECONNRESET, CONNECTION_CLOSED): thrown again so the queue
 * retries the run. Anything else (bad data, an engine refusal) would fail the same way again: the run fails.
 */
function isTransient(error: unknown): boolean {
  return typeof (error as { code?: unknown } | null)?.code === "string";
}

function outcomeOf(error: unknown): RunOutcome {
  if (error instanceof BacktestCancelled || error instanceof RunCancelled) return { status: "cancelled" };
  return { status: "failed", error: error instanceof Error ? error.message : String(error) };
}

/**
 * The life of one run in a job: claim it (skipping finished or cancelled runs, so a rerun is harmless), do the
 * work with progress, store the outcome. A run finished by another attempt is left as it is; a run stopped by
 * shutdown is left running (the job fails, so BullMQ retries it elsewhere; the next start enqueues it again).
 */
export async function executeRun<R extends RunRequest>(database: DatabaseHandle, runId: string, ctx: JobContext, options: RunJobOptions, work: RunWork<R>): Promise<{ runId: string; status: RunStatus | "skipped" }> {
  const run = await claimRun(database.db, runId);
  if (!run) return { runId, status: "skipped" };
  const progress = new RunProgress(database.db, runId, (percent) => ctx.progress(percent), options.progressIntervalMs, ctx.signal);
  let outcome: RunOutcome;
  try {
    outcome = { status: "completed", result: await work(run.request as R, progress) };
  } catch (error) {
    if (ctx.signal?.aborted) throw new RunInterrupted(runId);
    if (isTransient(error)) throw error;
    outcome = outcomeOf(error);
  }
  await finishRun(database.db, runId, outcome);
  return { runId, status: outcome.status };
}
