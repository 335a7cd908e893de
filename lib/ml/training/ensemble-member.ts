import { combine } from "@/lib/ml/ensemble/combine";
import { learnEnsembleWeights } from "@/lib/ml/ensemble/learn-weights";
import type { ClassVector } from "@/lib/ml/ensemble/member-output";
import type { Predictions } from "@/lib/ml/evaluation/baselines";
import type { Direction } from "@/lib/ml/labels";
import type { MemberKind } from "./member-predictor";

/** The stored ensemble: which versions it combines, in order, and their weights. */
export interface EnsembleArtifact {
  kind: "ensemble";
  members: Array<{ kind: MemberKind; versionId: string | null; weight: number }>;
}

const asVectors = (p: Predictions): ClassVector[] => p.probabilities.map((v) => [v[0], v[1], v[2]] as const);

/** Weights that minimise the mixture's log loss on the validation part (lib/ml/ensemble). */
export function ensembleWeights(validation: readonly Predictions[], labels: readonly Direction[]): number[] {
  return learnEnsembleWeights(validation.map(asVectors), labels);
}

/** The ensemble's predictions: combine's direction and weighted mean of the members' probabilities, per sample. */
export function ensemblePredictions(weights: readonly number[], members: readonly Predictions[], kinds: readonly MemberKind[]): Predictions {
  const n = members[0].directions.length;
  const vectors = members.map(asVectors);
  const directions: Direction[] = [];
  const probabilities: number[][] = [];
  for (let i = 0; i < n; i++) {
    const outputs = vectors.map((v, j) => ({ member: kinds[j], probabilities: v[i] }));
    const signal = combine(weights, outputs);
    directions.push(signal.direction);
    probabilities.push([...signal.probabilities]);
  }
  return { directions, probabilities };
}
