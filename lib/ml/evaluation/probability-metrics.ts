import { classIndex, DIRECTIONS, type Direction } from "@/lib/ml/labels";
import { checkSameLength, mean } from "@/lib/ml/evaluation/classification-metrics";

/** [P(-1), P(0), P(+1)] per sample. */
export type ClassProbabilities = readonly number[];

/** Probabilities are clipped to [1e-15, 1 - 1e-15] as scikit-learn does, so a confident miss costs ~34.5, not infinity. */
const CLIP = 1e-15;

/** Mean negative log of the probability given to the true class. */
export function logLoss(actual: readonly Direction[], probabilities: readonly ClassProbabilities[]): number {
  checkSameLength(actual.length, probabilities.length);
  if (actual.length === 0) throw new RangeError("no samples to score");
  let sum = 0;
  for (let i = 0; i < actual.length; i++) {
    const p = Math.min(1 - CLIP, Math.max(CLIP, probabilities[i][classIndex(actual[i])]));
    sum -= Math.log(p);
  }
  return sum / actual.length;
}

/**
 * Binary ROC AUC: the probability that a random positive scores above a random negative, ties counting half
 * (Mann-Whitney U with mid-ranks). NaN when one of the two groups is empty.
 */
export function binaryRocAuc(positive: readonly boolean[], scores: readonly number[]): number {
  checkSameLength(positive.length, scores.length);
  const order = scores.map((s, i) => ({ s, i })).sort((a, b) => a.s - b.s);
  const ranks = new Array<number>(scores.length);
  for (let start = 0; start < order.length; ) {
    let end = start;
    while (end + 1 < order.length && order[end + 1].s === order[start].s) end++;
    for (let k = start; k <= end; k++) ranks[order[k].i] = (start + end) / 2 + 1;
    start = end + 1;
  }
  let positives = 0;
  let rankSum = 0;
  for (let i = 0; i < positive.length; i++) {
    if (!positive[i]) continue;
    positives++;
    rankSum += ranks[i];
  }
  const negatives = positive.length - positives;
  if (positives === 0 || negatives === 0) return Number.NaN;
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

/** One-vs-rest AUC of each class, averaged over the classes that occur and do not make up every sample. */
export function macroRocAuc(actual: readonly Direction[], probabilities: readonly ClassProbabilities[]): number {
  checkSameLength(actual.length, probabilities.length);
  const perClass = DIRECTIONS.map((d) => binaryRocAuc(actual.map((a) => a === d), probabilities.map((p) => p[classIndex(d)])));
  return mean(perClass.filter((auc) => !Number.isNaN(auc)));
}
