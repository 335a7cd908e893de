import "server-only";
import { desc, getTableColumns, inArray, sql, type SQL } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { modelVersions } from "@/lib/db/schema";
import type { ArtifactSummary, MemberWeightView } from "./feature-importance";
import type { VersionRow } from "./model-views";

export type VersionRowWithSummary = VersionRow & ArtifactSummary;

const { artifact: _artifact, ...columns } = getTableColumns(modelVersions);

/** Only the Random Forest's feature names and importance and the ensemble's member list leave the database, never weights. */
const forest = sql<ArtifactSummary["forest"]>`case when ${modelVersions.kind} = 'rf'
  then jsonb_build_object('featureNames', ${modelVersions.artifact}->'featureNames', 'importance', ${modelVersions.artifact}->'importance') end`;
const members = sql<Array<{ kind: string; versionId: string | null; weight: number }> | null>`case when ${modelVersions.kind} = 'ensemble'
  then ${modelVersions.artifact}->'members' end`;

/** Registry rows newest first, without their artifacts. */
export async function selectVersionRows(db: Database, where?: SQL): Promise<VersionRowWithSummary[]> {
  const rows = await db.select({ ...columns, forest, members }).from(modelVersions).where(where)
    .orderBy(desc(modelVersions.createdAt), desc(modelVersions.version));
  return rows.map((row) => ({ ...row, members: row.members?.map((m): MemberWeightView => ({ member: m.kind, versionId: m.versionId, weight: m.weight })) ?? null }));
}

export const byIds = (ids: readonly string[]) => inArray(modelVersions.id, [...ids]);
