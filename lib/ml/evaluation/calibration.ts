import { argMax } from "@/lib/ml/arg-max";
import { classIndex, type Direction } from "@/lib/ml/labels";
import { checkSameLength } from "@/lib/ml/evaluation/classification-metrics";
import type { ClassProbabilities } from "@/lib/ml/evaluation/probability-metrics";

export interface ReliabilityBin {
  /** Confidence range [lower, upper) (the last bin includes 1). */
  lower: number;
  upper: number;
  count: number;
  /** Mean top-class probability of the samples in the bin. */
  meanConfidence: number;
  /** Share of them whose top class was right: a calibrated model has accuracy close to meanConfidence. */
  accuracy: number;
}

export interface CalibrationTable {
  bins: ReliabilityBin[];
  /** Expected calibration error: sum over bins of (count / n) * |accuracy - meanConfidence|. */
  ece: number;
}

/** Top-label reliability table in equal-width confidence bins; empty bins are left out. */
export function calibrationTable(actual: readonly Direction[], probabilities: readonly ClassProbabilities[], binCount = 10): CalibrationTable {
  checkSameLength(actual.length, probabilities.length);
  const sums = Array.from({ length: binCount }, () => ({ count: 0, confidence: 0, correct: 0 }));
  for (let i = 0; i < actual.length; i++) {
    const top = argMax(probabilities[i]);
    const confidence = probabilities[i][top];
    const bin = sums[Math.min(binCount - 1, Math.floor(confidence * binCount))];
    bin.count++;
    bin.confidence += confidence;
    if (top === classIndex(actual[i])) bin.correct++;
  }
  const bins: ReliabilityBin[] = [];
  let ece = 0;
  sums.forEach((s, b) => {
    if (s.count === 0) return;
    const bin = { lower: b / binCount, upper: (b + 1) / binCount, count: s.count, meanConfidence: s.confidence / s.count, accuracy: s.correct / s.count };
    bins.push(bin);
    ece += (s.count / actual.length) * Math.abs(bin.accuracy - bin.meanConfidence);
  });
  return { bins, ece };
}
