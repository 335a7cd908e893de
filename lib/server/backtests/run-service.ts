import "server-only";
import { and, desc, eq, inArray } from "drizzle-orm";
import type { Actor } from "@/lib/auth/actor";
import { actorLabel } from "@/lib/auth/actor";
import type { RunRequest } from "@/lib/backtest/jobs/backtest-request";
import { findDataset } from "@/lib/backtest/jobs/dataset-store";
import { enqueueRun } from "@/lib/backtest/jobs/enqueue-run";
import { insertRun, type RunRow, UNFINISHED } from "@/lib/backtest/jobs/run-store";
import type { RunDetail, RunSummary } from "@/lib/backtest/jobs/run-view";
import { appendAudit } from "@/lib/db/audit";
import type { Database } from "@/lib/db/client";
import { backtestRuns } from "@/lib/db/schema";
import { jobProducer, NoJobRunner } from "@/lib/jobs/job-producer";
import { ApiError, notFound } from "../api-error";
import type { ServerContext } from "../context";
import { runDetail, runSummary } from "./run-views";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function assertUuid(id: string, what = "run id"): string {
  if (!UUID.test(id)) throw new ApiError(400, "VALIDATION_ERROR", `${what} must be a UUID`);
  return id;
}

/** What the data is called in a run's default name; a dataset must be the caller's own (else 404). */
async function dataLabel(db: Database, actor: Actor, data: RunRequest["data"]): Promise<string> {
  if (data.source === "bars") return `${data.symbol} ${data.interval}`;
  const dataset = await findDataset(db, actor.userId, data.datasetId);
  if (!dataset) throw notFound(`Dataset ${data.datasetId}`);
  return dataset.symbol;
}

function defaultName(request: RunRequest, data: string): string {
  if (request.kind === "backtest") return `SMA ${request.strategy.fast}/${request.strategy.slow} on ${data}`;
  return `Optimise SMA on ${data} (${request.metric})`;
}

/** Stores the run as queued and hands it to the job queue; the job does the rest (embedded or split). */
export async function createRun(ctx: ServerContext, actor: Actor, request: RunRequest): Promise<RunSummary> {
  const db = ctx.database.db;
  const label = await dataLabel(db, actor, request.data);
  const name = request.name || defaultName(request, label);
  const queue = await jobProducer(ctx).catch((error: unknown) => {
    throw error instanceof NoJobRunner ? new ApiError(503, "JOBS_UNAVAILABLE", error.message) : error;
  });
  const run = await insertRun(db, { name, request, createdBy: actor.userId });
  await appendAudit(db, { actor: actorLabel(actor), action: "backtest.create", target: run.id, details: { kind: run.kind, name } });
  // A run stored but not enqueued (Redis down) stays queued and is enqueued again when a jobs process starts.
  await enqueueRun(queue, run);
  return runSummary(run);
}

export async function listRuns(db: Database, actor: Actor): Promise<RunSummary[]> {
  const rows = await db.select().from(backtestRuns).where(eq(backtestRuns.createdBy, actor.userId)).orderBy(desc(backtestRuns.createdAt));
  return rows.map(runSummary);
}

/** The caller's own run; someone else's is 404, as if it did not exist. */
async function ownRun(db: Database, actor: Actor, id: string): Promise<RunRow> {
  const [row] = await db.select().from(backtestRuns).where(and(eq(backtestRuns.id, assertUuid(id)), eq(backtestRuns.createdBy, actor.userId)));
  if (!row) throw notFound(`Backtest run ${id}`);
  return row;
}

export async function getRun(db: Database, actor: Actor, id: string): Promise<RunDetail> {
  return runDetail(await ownRun(db, actor, id));
}

/**
 * A queued run is cancelled at once; a running one is flagged and its job stops at the next progress write.
 * A finished run is returned unchanged.
 */
export async function cancelRun(db: Database, actor: Actor, id: string): Promise<RunSummary> {
  const run = await ownRun(db, actor, id);
  if (!UNFINISHED.includes(run.status as RunSummary["status"])) return runSummary(run);
  await db.update(backtestRuns).set({ cancelRequested: true }).where(eq(backtestRuns.id, run.id));
  await db.update(backtestRuns).set({ status: "cancelled", finishedAt: new Date() }).where(and(eq(backtestRuns.id, run.id), eq(backtestRuns.status, "queued")));
  await appendAudit(db, { actor: actorLabel(actor), action: "backtest.cancel", target: run.id, details: { status: run.status } });
  return runSummary(await ownRun(db, actor, id));
}

/** Removes a finished run and its result; an unfinished one must be cancelled first (409). */
export async function deleteRun(db: Database, actor: Actor, id: string): Promise<void> {
  const run = await ownRun(db, actor, id);
  const deleted = await db.delete(backtestRuns)
    .where(and(eq(backtestRuns.id, run.id), inArray(backtestRuns.status, ["completed", "failed", "cancelled"])))
    .returning({ id: backtestRuns.id });
  if (deleted.length === 0) throw new ApiError(409, "RUN_NOT_FINISHED", `Run ${run.id} is ${run.status}; cancel it before deleting it`);
  await appendAudit(db, { actor: actorLabel(actor), action: "backtest.delete", target: run.id, details: { name: run.name, status: run.status } });
}
