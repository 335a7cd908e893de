import { eq } from "drizzle-orm";
import { appendAudit } from "@/lib/db/audit";
import type { Database } from "@/lib/db/client";
import { trainingRuns } from "@/lib/db/schema";
import type { JobQueue } from "@/lib/jobs/job-queue";
import type { ModelVersionRow } from "@/lib/ml/registry/model-version-store";
import { enqueueTraining } from "@/lib/ml/training/enqueue-training";
import { deterministicUuid } from "./deterministic-uuid";
import { retrainRequest } from "./retrain-request";

export type RetrainOutcome = { versionId: string; runId: string; status: "enqueued" | "already-enqueued" } | { versionId: string; status: "no-request" };

/**
 * Starts one training of a version's symbol and interval: a new training run (its versions arrive as candidates;
 * nothing is promoted) owned by whoever promoted the version, or created it. The run id derives from `key`, so
 * running this again with the same key finds the run instead of training twice.
 */
export async function retrainVersion(db: Database, queue: JobQueue, version: ModelVersionRow, key: string): Promise<RetrainOutcome> {
  const request = await retrainRequest(db, version);
  if (!request) return { versionId: version.id, status: "no-request" };
  const runId = deterministicUuid(key);
  const inserted = await db.insert(trainingRuns).values({ id: runId, request, createdBy: version.promotedBy ?? version.createdBy })
    .onConflictDoNothing({ target: trainingRuns.id }).returning({ id: trainingRuns.id });
  if (inserted.length > 0) {
    await appendAudit(db, { actor: "system", action: "model.retrain", target: runId, details: { versionId: version.id, key, data: request.data } });
  }
  // A run inserted by an attempt that failed before enqueueing is still queued: hand it over now (same job id, no double).
  const [run] = await db.select({ status: trainingRuns.status }).from(trainingRuns).where(eq(trainingRuns.id, runId));
  if (run?.status === "queued") await enqueueTraining(queue, runId);
  return { versionId: version.id, runId, status: inserted.length > 0 ? "enqueued" : "already-enqueued" };
}
