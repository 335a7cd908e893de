import { classIndex, type Direction } from "@/lib/ml/labels";

const CLASSES = 3;

/** confusion[actual][predicted], classes in order -1, 0, +1. */
export function confusionMatrix(actual: readonly Direction[], predicted: readonly Direction[]): number[][] {
  checkSameLength(actual.length, predicted.length);
  const matrix = Array.from({ length: CLASSES }, () => new Array<number>(CLASSES).fill(0));
  for (let i = 0; i < actual.length; i++) matrix[classIndex(actual[i])][classIndex(predicted[i])]++;
  return matrix;
}

export interface ClassificationScores {
  accuracy: number;
  /** Mean recall over the classes present in `actual`: 1/3 for any constant guess when all three occur. */
  balancedAccuracy: number;
  /** Macro averages over the classes that occur in actual or predicted (a class in neither has no score). */
  precision: number;
  recall: number;
  f1: number;
}

/** Precision of a class never predicted, or recall of one never present, counts as 0 (scikit-learn's zero_division=0). */
export function classificationScores(actual: readonly Direction[], predicted: readonly Direction[]): ClassificationScores {
  const m = confusionMatrix(actual, predicted);
  const n = actual.length;
  if (n === 0) throw new RangeError("no samples to score");
  const rowSum = (c: number) => m[c].reduce((a, b) => a + b, 0);
  const columnSum = (c: number) => m.reduce((a, row) => a + row[c], 0);
  const correct = m.reduce((sum, row, c) => sum + row[c], 0);
  const present: number[] = [];
  const seen: number[] = [];
  for (let c = 0; c < CLASSES; c++) {
    if (rowSum(c) > 0) present.push(c);
    if (rowSum(c) > 0 || columnSum(c) > 0) seen.push(c);
  }
  const precisionOf = (c: number) => (columnSum(c) > 0 ? m[c][c] / columnSum(c) : 0);
  const recallOf = (c: number) => (rowSum(c) > 0 ? m[c][c] / rowSum(c) : 0);
  const f1Of = (c: number) => {
    const p = precisionOf(c);
    const r = recallOf(c);
    return p + r > 0 ? (2 * p * r) / (p + r) : 0;
  };
  return {
    accuracy: correct / n,
    balancedAccuracy: mean(present.map(recallOf)),
    precision: mean(seen.map(precisionOf)),
    recall: mean(seen.map(recallOf)),
    f1: mean(seen.map(f1Of)),
  };
}

export const mean = (values: readonly number[]): number => (values.length === 0 ? Number.NaN : values.reduce((a, b) => a + b, 0) / values.length);

export function checkSameLength(a: number, b: number): void {
  if (a !== b) throw new RangeError(`length mismatch: ${a} vs ${b}`);
}
