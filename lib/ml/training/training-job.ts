import { countTrainingRun } from "@/lib/metrics";
import { TransactionRollbackError } from "drizzle-orm";
import { z } from "zod";
import type { RunRequest } from "@/lib/backtest/jobs/backtest-request";
import { RunInterrupted } from "@/lib/backtest/jobs/run-execution";
import { loadRunBars } from "@/lib/backtest/jobs/load-run-bars";
import { intervalLabel } from "@/lib/domain/market-data";
import type { DatabaseHandle } from "@/lib/db/client";
import type { JobContext, JobDefinition } from "@/lib/jobs/job-queue";
import { logTrainingRunOrWarn, type MlflowOptions } from "@/lib/ml/mlflow/log-training-run";
import { insertModelVersions } from "@/lib/ml/registry/model-version-store";
import { TrainingCancelled } from "@/lib/ml/neural/training-cancelled";
import { runTrainingInWorker } from "./run-training-in-worker";
import type { TrainingOutput } from "./trainer";
import { TRAINING_JOB } from "./training-job-name";
import { TrainingProgress } from "./training-progress";
import type { TrainingRequest } from "./training-request";
import { claimTrainingRun, finishTrainingRun, type TrainingRunRow } from "./training-run-store";

export const trainingJobPayloadSchema = z.object({ runId: z.uuid() }).strict();

export interface TrainingJobOptions {
  progressIntervalMs?: number;
  /** When set, a completed run is also logged to MLflow after the registry write; a failure there is only warned. */
  mlflow?: MlflowOptions & { warn: (details: object, message: string) => void };
}

/** Fewer bars than this cannot hold the feature warm-up plus three parts of at least 20 samples. */
const MIN_TRAINING_BARS = 150;

/** The backtests' loader reads only the data source, period and bar interval; a trades recording is built into bars. */
function barsRequest(request: TrainingRequest): RunRequest {
  return { ...request, fill: "next-open" } as unknown as RunRequest;
}

const isTransient = (error: unknown) => typeof (error as { code?: unknown } | null)?.code === "string";

function summary(output: TrainingOutput, versions: Array<{ id: string; name: string; kind: string; version: number }>, symbol: string): Record<string, unknown> {
  return {
    symbol, featureSetVersion: output.featureSetVersion, dataFrom: new Date(output.dataFrom).toISOString(), dataTo: new Date(output.dataTo).toISOString(),
    samples: output.samples, durationMs: output.durationMs, versions,
    testAccuracy: Object.fromEntries(output.models.map((m) => [m.kind, m.metrics.test.model.accuracy])),
  };
}

type StoredVersions = Array<{ id: string; name: string; kind: string; version: number }>;

/** The work of one claimed run: load the bars, train in a worker thread, store the versions and finish in one transaction. */
async function trainRun(database: DatabaseHandle, run: TrainingRunRow, progress: TrainingProgress, controller: AbortController, options: TrainingJobOptions): Promise<void> {
  const request = run.request as TrainingRequest;
  await progress.report(0, "loading bars");
  const { symbol, bars, intervalMs } = await loadRunBars(database.db, barsRequest(request), MIN_TRAINING_BARS);
  const output = await runTrainingInWorker(bars, request, { progress: progress.report, signal: controller.signal });
  // The bars' own length: a candle dataset's, or for a trades recording the length they were built at.
  const interval = intervalLabel(intervalMs);
  const stored = await database.db.transaction(async (tx): Promise<StoredVersions> => {
    const rows = await insertModelVersions(tx, { output, symbol, interval, trainingRunId: run.id, createdBy: run.createdBy });
    const versions = rows.map((r) => ({ id: r.id, name: r.name, kind: r.kind, version: r.version }));
    // A run cancelled or finished elsewhere meanwhile keeps its state, and its versions are not stored.
    if (!(await finishTrainingRun(tx, run.id, { status: "completed", result: summary(output, versions, symbol) }))) tx.rollback();
    return versions;
  }).catch((error: unknown) => {
    if (!(error instanceof TransactionRollbackError)) throw error;
    return undefined;
  });
  if (stored && options.mlflow) await logTrainingRunOrWarn(options.mlflow, { trainingRunId: run.id, request, symbol, interval, output, versions: stored }, options.mlflow.warn);
}

/**
 * As executeRun for backtests: claim (a finished or cancelled run is skipped, so a rerun is harmless), train, store.
 * A shutdown leaves the run running for the next start; a database error is thrown again for the queue to retry.
 */
export async function executeTrainingRun(database: DatabaseHandle, runId: string, ctx: JobContext, options: TrainingJobOptions = {}): Promise<{ runId: string; status: string }> {
  const run = await claimTrainingRun(database.db, runId);
  if (!run) return { runId, status: "skipped" };
  const controller = new AbortController();
  const stopOnShutdown = () => controller.abort();
  ctx.signal?.addEventListener("abort", stopOnShutdown, { once: true });
  const progress = new TrainingProgress(database.db, runId, controller, (percent) => ctx.progress(percent), options.progressIntervalMs);
  try {
    await trainRun(database, run, progress, controller, options);
    countTrainingRun("completed");
    return { runId, status: "completed" };
  } catch (error) {
    if (ctx.signal?.aborted) throw new RunInterrupted(runId);
    if (isTransient(error)) throw error;
    const outcome = error instanceof TrainingCancelled ? { status: "cancelled" as const } : { status: "failed" as const, error: error instanceof Error ? error.message : String(error) };
    await finishTrainingRun(database.db, runId, outcome);
    countTrainingRun(outcome.status);
    return { runId, status: outcome.status };
  } finally {
    ctx.signal?.removeEventListener("abort", stopOnShutdown);
  }
}

/** Trains the members and the ensemble of one stored training request, writing progress and the versions. */
export function trainingJob(database: DatabaseHandle, options: TrainingJobOptions = {}): JobDefinition<typeof trainingJobPayloadSchema> {
  return { name: TRAINING_JOB, schema: trainingJobPayloadSchema, run: ({ runId }, ctx) => executeTrainingRun(database, runId, ctx, options) };
}
