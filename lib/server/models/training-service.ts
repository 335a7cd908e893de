import "server-only";
import { and, eq } from "drizzle-orm";
import type { Actor } from "@/lib/auth/actor";
import { actorLabel } from "@/lib/auth/actor";
import { findDataset } from "@/lib/backtest/jobs/dataset-store";
import { appendAudit } from "@/lib/db/audit";
import type { Database } from "@/lib/db/client";
import { trainingRuns } from "@/lib/db/schema";
import { jobProducer, NoJobRunner } from "@/lib/jobs/job-producer";
import { enqueueTraining } from "@/lib/ml/training/enqueue-training";
import type { TrainingRequest } from "@/lib/ml/training/training-request";
import { insertTrainingRun, type TrainingRunRow, UNFINISHED_TRAINING, type TrainingRunStatus } from "@/lib/ml/training/training-run-store";
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

/** The caller's own run, or any run for an admin; anything else is 404, as if it did not exist. */
async function visibleRun(db: Database, actor: Actor, id: string): Promise<TrainingRunRow> {
  const owned = actor.role === "admin" ? undefined : eq(trainingRuns.createdBy, actor.userId);
  const [row] = await db.select().from(trainingRuns).where(and(eq(trainingRuns.id, assertUuid(id)), owned));
  if (!row) throw notFound(`Training run ${id}`);
  return row;
}

export async function getTrainingRun(db: Database, actor: Actor, id: string): Promise<TrainingRunView> {
  return trainingRunView(await visibleRun(db, actor, id));
}

/** A queued run is cancelled at once; a running one is flagged and its worker stops at the next epoch or episode. */
export async function cancelTrainingRun(db: Database, actor: Actor, id: string): Promise<TrainingRunView> {
  const run = await visibleRun(db, actor, id);
  if (!UNFINISHED_TRAINING.includes(run.status as TrainingRunStatus)) return trainingRunView(run);
  await db.update(trainingRuns).set({ cancelRequested: true }).where(eq(trainingRuns.id, run.id));
  await db.update(trainingRuns).set({ status: "cancelled", finishedAt: new Date() }).where(and(eq(trainingRuns.id, run.id), eq(trainingRuns.status, "queued")));
  await appendAudit(db, { actor: actorLabel(actor), action: "model.train.cancel", target: run.id, details: { status: run.status } });
  return trainingRunView(await visibleRun(db, actor, id));
}
