import { eq, inArray } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { modelVersions, trainingRuns } from "@/lib/db/schema";
import { LstmForward } from "@/lib/ml/neural/lstm-forward";
import type { LstmArtifact } from "@/lib/ml/neural/lstm-classifier";
import { QNetworkForward } from "@/lib/ml/rl/q-network-forward";
import { RandomForestModel, type RandomForestArtifact } from "@/lib/ml/random-forest-model";
import type { EnsembleArtifact } from "@/lib/ml/training/ensemble-member";
import type { DqnMemberArtifact } from "@/lib/ml/training/train-dqn-member";
import { EnsemblePredictor, MEMBER_NAMES, type LabelDefinition } from "./ensemble-predictor";

/** The version cannot be served: not an ensemble, a member missing, or its labels unknown. */
export class EnsembleNotLoadable extends Error {
  constructor(id: string, why: string) {
    super(`Ensemble version ${id} cannot be loaded: ${why}`);
    this.name = "EnsembleNotLoadable";
  }
}

/** Everything a predictor is built from, as plain JSON: it crosses to the inference thread as it is. */
export interface StoredEnsemble {
  id: string;
  weights: number[];
  forest: RandomForestArtifact;
  lstm: LstmArtifact;
  dqn: DqnMemberArtifact;
  labels: LabelDefinition;
}

/** Reads a stored ensemble version, its three member versions' artifacts and its label definition. */
export async function readStoredEnsemble(db: Database, ensembleVersionId: string): Promise<StoredEnsemble> {
  const [ensemble] = await db.select().from(modelVersions).where(eq(modelVersions.id, ensembleVersionId));
  if (!ensemble || ensemble.kind !== "ensemble") throw new EnsembleNotLoadable(ensembleVersionId, "no ensemble version of that id");
  const artifact = ensemble.artifact as EnsembleArtifact;
  const ids = artifact.members.map((m) => m.versionId).filter((id): id is string => id !== null);
  const rows = ids.length === 0 ? [] : await db.select({ id: modelVersions.id, artifact: modelVersions.artifact }).from(modelVersions).where(inArray(modelVersions.id, ids));
  const memberArtifact = (kind: string) => {
    const member = artifact.members.find((m) => m.kind === kind);
    const row = rows.find((r) => r.id === member?.versionId);
    if (!member || !row) throw new EnsembleNotLoadable(ensembleVersionId, `its ${kind} member version is missing`);
    return row.artifact;
  };
  return {
    id: ensemble.id, weights: MEMBER_NAMES.map((kind) => artifact.members.find((m) => m.kind === kind)?.weight ?? 0),
    forest: memberArtifact("rf") as RandomForestArtifact, lstm: memberArtifact("lstm") as LstmArtifact, dqn: memberArtifact("ddqn") as DqnMemberArtifact,
    labels: await labelDefinition(db, ensemble),
  };
}

/** The live predictor of a stored ensemble; pure, so the inference thread builds it without a database. */
export function buildEnsemblePredictor(stored: StoredEnsemble): EnsemblePredictor {
  const members = {
    featureNames: stored.forest.featureNames, forest: RandomForestModel.fromJSON(stored.forest), lstm: new LstmForward(stored.lstm),
    dqn: new QNetworkForward(stored.dqn.agent), dqnStandardiser: stored.dqn.standardiser, weights: stored.weights,
  };
  return new EnsemblePredictor(members, stored.labels);
}

/** Rebuilds a stored ensemble version and its three member versions into a predictor. */
export async function loadEnsemblePredictor(db: Database, ensembleVersionId: string): Promise<EnsemblePredictor> {
  return buildEnsemblePredictor(await readStoredEnsemble(db, ensembleVersionId));
}

/** Newer ensembles carry their label definition; older ones take it from the training run's request. */
async function labelDefinition(db: Database, ensemble: typeof modelVersions.$inferSelect): Promise<LabelDefinition> {
  const params = ensemble.params as Partial<LabelDefinition>;
  if (typeof params.horizon === "number" && typeof params.deadZone === "number") return { horizon: params.horizon, deadZone: params.deadZone };
  if (ensemble.trainingRunId) {
    const [run] = await db.select({ request: trainingRuns.request }).from(trainingRuns).where(eq(trainingRuns.id, ensemble.trainingRunId));
    const request = run?.request as Partial<LabelDefinition> | undefined;
    if (typeof request?.horizon === "number" && typeof request.deadZone === "number") return { horizon: request.horizon, deadZone: request.deadZone };
  }
  throw new EnsembleNotLoadable(ensemble.id, "its label horizon and dead zone are not recorded");
}
