import "server-only";
import { eq } from "drizzle-orm";
import type { Actor } from "@/lib/auth/actor";
import { actorLabel } from "@/lib/auth/actor";
import type { Database } from "@/lib/db/client";
import { modelVersions } from "@/lib/db/schema";
import type { PromotionTarget } from "@/lib/ml/registry/model-status";
import { ModelVersionNotFound, promoteModelVersion } from "@/lib/ml/registry/promote-version";
import { notFound } from "../api-error";
import { assertUuid } from "../backtests/run-service";
import { ensembleImportance, forestImportance, type ArtifactSummary } from "./feature-importance";
import { modelVersionView, type ModelVersionView } from "./model-views";
import { byIds, selectVersionRows, type VersionRowWithSummary } from "./version-rows";

interface ViewOptions {
  maxAgeMs?: number;
  now?: number;
}

/** Views of the rows, with each ensemble's rf member importance (read from the database when not among the rows). */
async function versionViews(db: Database, rows: VersionRowWithSummary[], options: ViewOptions): Promise<ModelVersionView[]> {
  const now = options.now ?? Date.now();
  const forests = new Map<string, ArtifactSummary["forest"]>(rows.filter((r) => r.forest).map((r) => [r.id, r.forest]));
  const missing = rows.flatMap((r) => r.members ?? []).flatMap((m) => (m.member === "rf" && m.versionId && !forests.has(m.versionId) ? [m.versionId] : []));
  if (missing.length > 0) for (const member of await selectVersionRows(db, byIds(missing))) forests.set(member.id, member.forest);
  return rows.map((row) => {
    const importance = row.members ? ensembleImportance(row.members, forests) : forestImportance(row.id, row.forest);
    return modelVersionView(row, now, options.maxAgeMs, { importance, members: row.members });
  });
}

export async function listModels(db: Database, options: ViewOptions = {}): Promise<ModelVersionView[]> {
  return versionViews(db, await selectVersionRows(db), options);
}

/** The caller has been checked for the admin scope (the route does it); the registry archives and audits. */
export async function promoteModel(db: Database, admin: Actor, id: string, status: PromotionTarget): Promise<{ version: ModelVersionView; archived: string[] }> {
  try {
    const { version, archived } = await promoteModelVersion(db, { id: assertUuid(id), status, userId: admin.userId, actorLabel: actorLabel(admin) });
    const [view] = await versionViews(db, await selectVersionRows(db, eq(modelVersions.id, version.id)), {});
    return { version: view, archived };
  } catch (error) {
    if (error instanceof ModelVersionNotFound) throw notFound(`Model version ${id}`);
    throw error;
  }
}
