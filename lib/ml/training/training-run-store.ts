import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { trainingRuns } from "@/lib/db/schema";
import type { TrainingRequest } from "./training-request";

export type TrainingRunRow = typeof trainingRuns.$inferSelect;
export type TrainingRunStatus = "queued" | "running" | "completed" | "failed" | "cancelled";
export const UNFINISHED_TRAINING: readonly TrainingRunStatus[] = ["queued", "running"];

type Executor = Pick<Database, "update">;

export async function insertTrainingRun(db: Database, run: { request: TrainingRequest; createdBy: string }): Promise<TrainingRunRow> {
  const [row] = await db.insert(trainingRuns).values({ request: run.request, createdBy: run.createdBy }).returning();
  return row;
}

export async function findTrainingRun(db: Database, id: string): Promise<TrainingRunRow | undefined> {
  const [row] = await db.select().from(trainingRuns).where(eq(trainingRuns.id, id));
  return row;
}

/** As claimRun for backtests: marks an unfinished run running and returns it; a run cancelled while queued ends here. */
export async function claimTrainingRun(db: Database, id: string): Promise<TrainingRunRow | undefined> {
  const [claimed] = await db.update(trainingRuns)
    .set({ status: "running", progress: 0, stage: null, error: null, startedAt: new Date(), finishedAt: null })
    .where(and(eq(trainingRuns.id, id), inArray(trainingRuns.status, [...UNFINISHED_TRAINING]), eq(trainingRuns.cancelRequested, false)))
    .returning();
  if (claimed) return claimed;
  await db.update(trainingRuns).set({ status: "cancelled", finishedAt: new Date() })
    .where(and(eq(trainingRuns.id, id), inArray(trainingRuns.status, [...UNFINISHED_TRAINING]), eq(trainingRuns.cancelRequested, true)));
  return undefined;
}

/** Stores progress and the stage; answers whether the run should stop (cancel requested, or the run is gone). */
export async function writeTrainingProgress(db: Database, id: string, progress: number, stage: string): Promise<boolean> {
  const [row] = await db.update(trainingRuns).set({ progress, stage })
    .where(and(eq(trainingRuns.id, id), eq(trainingRuns.status, "running")))
    .returning({ cancelRequested: trainingRuns.cancelRequested });
  return row === undefined || row.cancelRequested;
}

export type TrainingOutcome =
  | { status: "completed"; result: Record<string, unknown> }
  | { status: "cancelled" }
  | { status: "failed"; error: string };

/** Ends a running run (false when another attempt already finished it). Takes a transaction, so versions commit with it. */
export async function finishTrainingRun(db: Executor, id: string, outcome: TrainingOutcome): Promise<boolean> {
  const rows = await db.update(trainingRuns)
    .set({
      status: outcome.status,
      finishedAt: new Date(),
      ...(outcome.status === "completed" ? { result: outcome.result, progress: 1, stage: "done" } : {}),
      ...(outcome.status === "failed" ? { error: outcome.error } : {}),
    })
    .where(and(eq(trainingRuns.id, id), eq(trainingRuns.status, "running")))
    .returning({ id: trainingRuns.id });
  return rows.length > 0;
}

export async function listUnfinishedTrainingRuns(db: Database): Promise<Array<{ id: string }>> {
  return db.select({ id: trainingRuns.id }).from(trainingRuns)
    .where(sql`${trainingRuns.status} in ('queued', 'running')`).orderBy(asc(trainingRuns.createdAt));
}
