import { and, eq, ne } from "drizzle-orm";
import { appendAudit } from "@/lib/db/audit";
import type { Database } from "@/lib/db/client";
import { modelVersions } from "@/lib/db/schema";
import type { PromotionTarget } from "./model-status";
import type { ModelVersionRow } from "./model-version-store";

/** No version of that id. */
export class ModelVersionNotFound extends Error {
  constructor(id: string) {
    super(`Model version ${id} does not exist`);
    this.name = "ModelVersionNotFound";
  }
}

export interface Promotion {
  id: string;
  status: PromotionTarget;
  /** The admin's user id (stored on the version) and audit label. */
  userId: string;
  actorLabel: string;
}

/**
 * Moves a version to shadow, production or archived. Production is exclusive per name, symbol and interval: the version that held it
 * is archived in the same transaction (a partial unique index enforces one). Shadow versions run alongside. The
 * caller checks the admin role; every promotion is in the audit log as "model.promote".
 */
export async function promoteModelVersion(db: Database, promotion: Promotion): Promise<{ version: ModelVersionRow; archived: string[] }> {
  const result = await db.transaction(async (tx) => {
    const [current] = await tx.select().from(modelVersions).where(eq(modelVersions.id, promotion.id)).for("update");
    if (!current) throw new ModelVersionNotFound(promotion.id);
    const archived = promotion.status !== "production" ? [] : await tx.update(modelVersions).set({ status: "archived" })
      .where(and(
        eq(modelVersions.name, current.name), eq(modelVersions.symbol, current.symbol), eq(modelVersions.interval, current.interval),
        eq(modelVersions.status, "production"), ne(modelVersions.id, current.id),
      ))
      .returning({ id: modelVersions.id });
    const [version] = await tx.update(modelVersions)
      .set({ status: promotion.status, promotedBy: promotion.userId, promotedAt: new Date() })
      .where(eq(modelVersions.id, current.id)).returning();
    return { version, archived: archived.map((a) => a.id), from: current.status };
  });
  await appendAudit(db, {
    actor: promotion.actorLabel, action: "model.promote", target: promotion.id,
    details: { name: result.version.name, version: result.version.version, from: result.from, to: promotion.status, archived: result.archived },
  });
  return { version: result.version, archived: result.archived };
}
