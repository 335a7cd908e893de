import { and, asc, eq } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { modelVersions } from "@/lib/db/schema";
import type { ModelVersionRow } from "@/lib/ml/registry/model-version-store";

/** Ensemble versions in a status (the ensemble is what trades; its members retrain with it), oldest first. */
export function ensemblesWithStatus(db: Database, status: "production" | "shadow"): Promise<ModelVersionRow[]> {
  return db.select().from(modelVersions).where(and(eq(modelVersions.kind, "ensemble"), eq(modelVersions.status, status))).orderBy(asc(modelVersions.createdAt));
}
