import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { actorLabel } from "@/lib/auth/actor";
import type { Database } from "@/lib/db/client";
import type { PromotionTarget } from "@/lib/ml/registry/model-status";
import { listModelVersions } from "@/lib/ml/registry/model-version-store";
import { ModelVersionNotFound, promoteModelVersion } from "@/lib/ml/registry/promote-version";
import { notFound } from "../api-error";
import { assertUuid } from "../backtests/run-service";
import { modelVersionView, type ModelVersionView } from "./model-views";

export async function listModels(db: Database, options: { maxAgeMs?: number; now?: number } = {}): Promise<ModelVersionView[]> {
  const now = options.now ?? Date.now();
  return (await listModelVersions(db)).map((row) => modelVersionView(row, now, options.maxAgeMs));
}

/** The caller has been checked for the admin scope (the route does it); the registry archives and audits. */
export async function promoteModel(db: Database, admin: Actor, id: string, status: PromotionTarget): Promise<{ version: ModelVersionView; archived: string[] }> {
  try {
    const { version, archived } = await promoteModelVersion(db, { id: assertUuid(id), status, userId: admin.userId, actorLabel: actorLabel(admin) });
    return { version: modelVersionView(version, Date.now()), archived };
  } catch (error) {
    if (error instanceof ModelVersionNotFound) throw notFound(`Model version ${id}`);
    throw error;
  }
}

export interface VersionMetrics {
  id: string;
  name: string;
  version: number;
  status: string;
  validation: ModelVersionView["metrics"]["validation"];
  test: ModelVersionView["metrics"]["test"];
  /** The live hit rate per period; empty until live inference records outcomes (a later part of issue 5). */
  live: Array<{ ts: string; hitRate: number }>;
}

/** Training metrics per version, newest first. */
export async function modelMetrics(db: Database): Promise<VersionMetrics[]> {
  const now = Date.now();
  return (await listModelVersions(db)).map((row) => {
    const view = modelVersionView(row, now);
    return { id: view.id, name: view.name, version: view.version, status: view.status, validation: view.metrics.validation, test: view.metrics.test, live: [] };
  });
}
