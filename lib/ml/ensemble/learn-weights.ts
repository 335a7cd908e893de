import type { ClassVector } from "@/lib/ml/ensemble/member-output";
import { projectOntoSimplex } from "@/lib/ml/ensemble/simplex-projection";
import { classIndex, type Direction } from "@/lib/ml/labels";

/** Probabilities are clipped here before the log, as in the evaluation's log loss. */
const PROBABILITY_FLOOR = 1e-15;
const MAX_ITERATIONS = 500;
/** Iteration stops once no weight moves by more than this. */
const TOLERANCE = 1e-12;
const MIN_STEP = 1e-30;

/**
 * Non-negative member weights summing to 1 that minimise the log loss of the weighted average of the members'
 * probabilities on (validation) samples: memberProbabilities[m][i] is member m's [down, flat, up] for sample i.
 * The loss is convex in the weights, so projected gradient descent with a backtracking step from equal weights
 * finds the minimum; there is no randomness, the same inputs give the same weights.
 */
export function learnEnsembleWeights(memberProbabilities: readonly (readonly ClassVector[])[], labels: readonly Direction[]): number[] {
  const truth = trueClassProbabilities(memberProbabilities, labels);
  let weights = new Array<number>(truth.length).fill(1 / truth.length);
  let step = 1;
  for (let iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
    const next = descentStep(truth, weights, step);
    if (next === null) break;
    const moved = Math.max(...next.weights.map((w, m) => Math.abs(w - weights[m])));
    weights = next.weights;
    if (moved <= TOLERANCE) break;
    step = next.step * 2;
  }
  const sum = weights.reduce((a, b) => a + b, 0);
  return weights.map((w) => w / sum);
}

/** Mean log loss of the weighted average of the members' probabilities (same layout as learnEnsembleWeights). */
export function ensembleLogLoss(memberProbabilities: readonly (readonly ClassVector[])[], labels: readonly Direction[], weights: readonly number[]): number {
  if (weights.length !== memberProbabilities.length) throw new RangeError(`${weights.length} weights for ${memberProbabilities.length} members`);
  return mixtureLogLoss(trueClassProbabilities(memberProbabilities, labels), weights);
}

/** Mean log loss of the mixture, from each member's probability of the true class (truth[m][i]). */
function mixtureLogLoss(truth: readonly Float64Array[], weights: readonly number[]): number {
  const n = truth[0].length;
  let total = 0;
  for (let i = 0; i < n; i++) total -= Math.log(Math.max(PROBABILITY_FLOOR, mixtureAt(truth, weights, i)));
  return total / n;
}

/** One projected-gradient step, halving the step until the sufficient-decrease test holds; null once none does. */
function descentStep(truth: readonly Float64Array[], weights: number[], initialStep: number): { weights: number[]; step: number } | null {
  const loss = mixtureLogLoss(truth, weights);
  const gradient = lossGradient(truth, weights);
  for (let step = initialStep; step >= MIN_STEP; step /= 2) {
    const candidate = projectOntoSimplex(weights.map((w, m) => w - step * gradient[m]));
    const delta = candidate.map((c, m) => c - weights[m]);
    const linear = delta.reduce((sum, d, m) => sum + d * gradient[m], 0);
    const squared = delta.reduce((sum, d) => sum + d * d, 0);
    if (mixtureLogLoss(truth, candidate) <= loss + linear + squared / (2 * step)) return { weights: candidate, step };
  }
  return null;
}

function lossGradient(truth: readonly Float64Array[], weights: readonly number[]): number[] {
  const n = truth[0].length;
  const gradient = new Array<number>(truth.length).fill(0);
  for (let i = 0; i < n; i++) {
    const mixture = mixtureAt(truth, weights, i);
    // Below the floor the clipped loss is flat, so the sample adds nothing to the gradient.
    if (mixture < PROBABILITY_FLOOR) continue;
    for (let m = 0; m < truth.length; m++) gradient[m] -= truth[m][i] / mixture / n;
  }
  return gradient;
}

function mixtureAt(truth: readonly Float64Array[], weights: readonly number[], i: number): number {
  let mixture = 0;
  for (let m = 0; m < truth.length; m++) mixture += weights[m] * truth[m][i];
  return mixture;
}

function trueClassProbabilities(memberProbabilities: readonly (readonly ClassVector[])[], labels: readonly Direction[]): Float64Array[] {
  if (memberProbabilities.length === 0) throw new RangeError("no ensemble members");
  if (labels.length === 0) throw new RangeError("no validation samples");
  return memberProbabilities.map((samples, m) => {
    if (samples.length !== labels.length) throw new RangeError(`member ${m} has ${samples.length} samples for ${labels.length} labels`);
    return Float64Array.from(labels, (label, i) => samples[i][classIndex(label)]);
  });
}
