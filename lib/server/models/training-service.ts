import "server-only";
import { and, desc, eq, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { actorLabel } from "@/lib/auth/actor";
import { findDataset } from "@/lib/backtest/jobs/dataset-store";
import { appendAudit } from "@/lib/db/audit";
import type { Database } from "@/lib/db/client";
import { trainingRuns, users } from "@/lib/db/schema";
import { jobProducer, NoJobRunner } from "@/lib/jobs/job-producer";
import { enqueueTraining } from "@/lib/ml/training/enqueue-training";
import type { TrainingRequest } from "@/lib/ml/training/training-request";
import { insertTrainingRun, type TrainingRunRow, type TrainingRunStatus, UNFINISHED_TRAINING } from "@/lib/ml/training/training-run-store";
import { ApiError, notFound } from "../api-error";
import { assertUuid } from "../backtests/run-service";
import type { ServerContext } from "../context";
import { trainingRunView, type TrainingRunView } from "./model-views";

/** Stores the run as queued and hands it to the job queue (embedded runner or BullMQ); 202 with its id. */
export async function createTrainingRun(ctx: ServerContext, actor: Actor, request: TrainingRequest): Promise<{ runId: string }> {
  const db = ctx.database.db;
  if (request.data.source === "dataset" && !(await findDataset(db, actor.userId, request.data.datasetId))) throw notFound(`Dataset ${request.data.datasetId}`);
  const queue = await jobProducer(ctx).catch((error: unknown) => {
    throw error instanceof NoJobRunner ? new ApiError(503, "JOBS_UNAVAILABLE", error.message) : error;
  });
  const run = await insertTrainingRun(db, { request, createdBy: actor.userId });
  await appendAudit(db, { actor: actorLabel(actor), action: "model.train", target: run.id, details: { data: request.data, seed: request.seed } });
  await enqueueTraining(queue, run.id);
  return { runId: run.id };
}

export const TRAINING_RUN_STATUSES = ["queued", "running", "completed", "failed", "cancelled"] as const satisfies readonly TrainingRunStatus[];

export const trainingRunsQuerySchema = z.object({
  status: z.enum(TRAINING_RUN_STATUSES).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
}).strict();
export type TrainingRunsQuery = z.infer<typeof trainingRunsQuerySchema>;

/** A trader sees the runs they started; an admin sees everyone's, scheduled retraining included. */
const visibleTo = (actor: Actor) => (actor.role === "admin" ? undefined : eq(trainingRuns.createdBy, actor.userId));

async function selectRuns(db: Database, where: SQL | undefined, limit: number): Promise<Array<{ run: TrainingRunRow; email: string | null }>> {
  return db.select({ run: trainingRuns, email: users.email }).from(trainingRuns).leftJoin(users, eq(users.id, trainingRuns.createdBy))
    .where(where).orderBy(desc(trainingRuns.createdAt)).limit(limit);
}

/** Newest first, optionally of one status. */
export async function listTrainingRuns(db: Database, actor: Actor, query: TrainingRunsQuery): Promise<TrainingRunView[]> {
  const rows = await selectRuns(db, and(visibleTo(actor), query.status ? eq(trainingRuns.status, query.status) : undefined), query.limit);
  return rows.map(({ run, email }) => trainingRunView(run, email));
}

/** The caller's own run, or any run for an admin; anything else is 404, as if it did not exist. */
export async function getTrainingRun(db: Database, actor: Actor, id: string): Promise<TrainingRunView> {
  const [row] = await selectRuns(db, and(eq(trainingRuns.id, assertUuid(id)), visibleTo(actor)), 1);
  if (!row) throw notFound(`Training run ${id}`);
  return trainingRunView(row.run, row.email);
}

/** A queued run is cancelled at once; a running one is flagged and its worker stops at the next epoch or episode. */
export async function cancelTrainingRun(db: Database, actor: Actor, id: string): Promise<TrainingRunView> {
  const run = await getTrainingRun(db, actor, id);
  if (!UNFINISHED_TRAINING.includes(run.status)) return run;
  await db.update(trainingRuns).set({ cancelRequested: true }).where(eq(trainingRuns.id, run.id));
  await db.update(trainingRuns).set({ status: "cancelled", finishedAt: new Date() }).where(and(eq(trainingRuns.id, run.id), eq(trainingRuns.status, "queued")));
  await appendAudit(db, { actor: actorLabel(actor), action: "model.train.cancel", target: run.id, details: { status: run.status } });
  return getTrainingRun(db, actor, id);
}
