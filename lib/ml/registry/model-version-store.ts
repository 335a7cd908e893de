import { and, desc, eq, max } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { modelVersions } from "@/lib/db/schema";
import type { EnsembleArtifact } from "@/lib/ml/training/ensemble-member";
import type { TrainedModel, TrainingOutput } from "@/lib/ml/training/trainer";

export type ModelVersionRow = typeof modelVersions.$inferSelect;
export type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];

/** The registry name of a kind of model on a feature set: versions of one name replace each other in production. */
export const modelName = (kind: TrainedModel["kind"], featureSetVersion: string) => `${kind}-${featureSetVersion}`;

export interface NewVersions {
  output: TrainingOutput;
  symbol: string;
  interval: string;
  trainingRunId: string | null;
  createdBy: string;
}

async function nextVersion(tx: Transaction, name: string): Promise<number> {
  const [row] = await tx.select({ latest: max(modelVersions.version) }).from(modelVersions).where(eq(modelVersions.name, name));
  return (row?.latest ?? 0) + 1;
}

/**
 * Stores every model of a training as a candidate, members first, so the ensemble's artifact can name the member
 * versions it combines. Call inside the transaction that finishes the run: the versions and the run commit together.
 */
export async function insertModelVersions(tx: Transaction, versions: NewVersions): Promise<ModelVersionRow[]> {
  const { output } = versions;
  const rows: ModelVersionRow[] = [];
  for (const model of output.models) {
    const name = modelName(model.kind, output.featureSetVersion);
    const artifact = model.kind === "ensemble" ? withMemberIds(model.artifact as EnsembleArtifact, rows) : model.artifact;
    const [row] = await tx.insert(modelVersions).values({
      name, kind: model.kind, version: await nextVersion(tx, name), featureSetVersion: output.featureSetVersion,
      symbol: versions.symbol, interval: versions.interval, dataFrom: new Date(output.dataFrom), dataTo: new Date(output.dataTo),
      params: model.params, metrics: model.metrics, artifact, trainingRunId: versions.trainingRunId, createdBy: versions.createdBy, durationMs: model.durationMs,
    }).returning();
    rows.push(row);
  }
  return rows;
}

function withMemberIds(artifact: EnsembleArtifact, members: readonly ModelVersionRow[]): EnsembleArtifact {
  return { ...artifact, members: artifact.members.map((m) => ({ ...m, versionId: members.find((row) => row.kind === m.kind)?.id ?? null })) };
}

export async function findModelVersion(db: Database, id: string): Promise<ModelVersionRow | undefined> {
  const [row] = await db.select().from(modelVersions).where(eq(modelVersions.id, id));
  return row;
}

/** Newest first; optionally one name or one status. */
export async function listModelVersions(db: Database, filter: { name?: string; status?: string } = {}): Promise<ModelVersionRow[]> {
  const where = [filter.name ? eq(modelVersions.name, filter.name) : undefined, filter.status ? eq(modelVersions.status, filter.status) : undefined];
  return db.select().from(modelVersions).where(and(...where)).orderBy(desc(modelVersions.createdAt), desc(modelVersions.version));
}
