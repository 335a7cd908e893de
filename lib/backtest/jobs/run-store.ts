import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { backtestRuns } from "@/lib/db/schema";
import type { RunRequest } from "./backtest-request";
import type { BacktestResultJson, OptimizeResultJson, RunStatus } from "./run-view";

export type RunRow = typeof backtestRuns.$inferSelect;

export const UNFINISHED: readonly RunStatus[] = ["queued", "running"];

export async function insertRun(db: Database, run: { name: string; request: RunRequest; createdBy: string }): Promise<RunRow> {
  const [row] = await db.insert(backtestRuns).values({ kind: run.request.kind, name: run.name, request: run.request, createdBy: run.createdBy }).returning();
  return row;
}

export async function findRun(db: Database, id: string): Promise<RunRow | undefined> {
  const [row] = await db.select().from(backtestRuns).where(eq(backtestRuns.id, id));
  return row;
}

/**
 * Marks an unfinished run running (again, after a restart) and returns it; undefined when it is finished, gone, or
 * was cancelled while queued (then it is marked cancelled here). A finished run is never touched.
 */
export async function claimRun(db: Database, id: string): Promise<RunRow | undefined> {
  const [claimed] = await db.update(backtestRuns)
    .set({ status: "running", progress: 0, error: null, startedAt: new Date(), finishedAt: null })
    .where(and(eq(backtestRuns.id, id), inArray(backtestRuns.status, [...UNFINISHED]), eq(backtestRuns.cancelRequested, false)))
    .returning();
  if (claimed) return claimed;
  await db.update(backtestRuns).set({ status: "cancelled", finishedAt: new Date() })
    .where(and(eq(backtestRuns.id, id), inArray(backtestRuns.status, [...UNFINISHED]), eq(backtestRuns.cancelRequested, true)));
  return undefined;
}

/** Stores progress (0..1) and answers whether the run should stop (cancel requested, or the run is gone). */
export async function writeProgress(db: Database, id: string, progress: number): Promise<boolean> {
  const [row] = await db.update(backtestRuns).set({ progress })
    .where(and(eq(backtestRuns.id, id), eq(backtestRuns.status, "running")))
    .returning({ cancelRequested: backtestRuns.cancelRequested });
  return row === undefined || row.cancelRequested;
}

export type RunOutcome =
  | { status: "completed"; result: BacktestResultJson | OptimizeResultJson }
  | { status: "cancelled" }
  | { status: "failed"; error: string };

/** Ends a running run; a run another attempt already finished keeps its result (false). */
export async function finishRun(db: Database, id: string, outcome: RunOutcome): Promise<boolean> {
  const rows = await db.update(backtestRuns)
    .set({
      status: outcome.status,
      finishedAt: new Date(),
      ...(outcome.status === "completed" ? { result: outcome.result, progress: 1 } : {}),
      ...(outcome.status === "failed" ? { error: outcome.error } : {}),
    })
    .where(and(eq(backtestRuns.id, id), eq(backtestRuns.status, "running")))
    .returning({ id: backtestRuns.id });
  return rows.length > 0;
}

/** Runs a stopped process left queued or running, oldest first, to be enqueued again. */
export async function listUnfinishedRuns(db: Database): Promise<Array<Pick<RunRow, "id" | "kind">>> {
  return db.select({ id: backtestRuns.id, kind: backtestRuns.kind }).from(backtestRuns)
    .where(sql`${backtestRuns.status} in ('queued', 'running')`).orderBy(asc(backtestRuns.createdAt));
}
