import { describe, expect, it } from "vitest";
import { calibrationTable } from "@/lib/ml/evaluation/calibration";
import { classificationScores, confusionMatrix } from "@/lib/ml/evaluation/classification-metrics";
import { binaryRocAuc, logLoss, macroRocAuc } from "@/lib/ml/evaluation/probability-metrics";
import type { Direction } from "@/lib/ml/labels";

describe("classification scores", () => {
  // confusion (rows actual -1, 0, +1): [1 0 0], [0 0 1], [1 0 1]
  const actual: Direction[] = [1, 1, -1, 0];
  const predicted: Direction[] = [1, -1, -1, 1];

  it("match the hand-computed values", () => {
    expect(confusionMatrix(actual, predicted)).toEqual([[1, 0, 0], [0, 0, 1], [1, 0, 1]]);
    const s = classificationScores(actual, predicted);
    expect(s.accuracy).toBe(0.5);
    expect(s.balancedAccuracy).toBeCloseTo((1 + 0 + 0.5) / 3, 15);
    expect(s.precision).toBeCloseTo((0.5 + 0 + 0.5) / 3, 15);
    expect(s.recall).toBeCloseTo((1 + 0 + 0.5) / 3, 15);
    expect(s.f1).toBeCloseTo((2 / 3 + 0 + 0.5) / 3, 15);
  });

  it("give a constant guess a balanced accuracy of 1 / (classes present)", () => {
    expect(classificationScores([1, 1, 1, -1], [1, 1, 1, 1]).balancedAccuracy).toBe(0.5);
  });
});

describe("ROC AUC", () => {
  it("is the share of positive-negative pairs ranked right (2 x 2: 3 of 4)", () => {
    expect(binaryRocAuc([true, true, false, false], [0.8, 0.4, 0.6, 0.2])).toBe(0.75);
  });

  it("counts ties as half and is NaN without both groups", () => {
    expect(binaryRocAuc([true, false, true, false], [0.5, 0.5, 0.9, 0.1])).toBe(0.875);
    expect(binaryRocAuc([true, true], [0.1, 0.2])).toBeNaN();
  });

  it("averages one-vs-rest over the classes that occur", () => {
    const probabilities = [[0.1, 0.2, 0.7], [0.6, 0.2, 0.2], [0.2, 0.3, 0.5]];
    // -1 vs rest: 1; +1 vs rest: positives {0.7, 0.5} vs negative {0.2}: 1; class 0 absent.
    expect(macroRocAuc([1, -1, 1], probabilities)).toBe(1);
    expect(macroRocAuc([1, -1, 1], [[0, 0, 1], [0, 0, 1], [0, 0, 1]])).toBe(0.5);
  });
});

describe("log loss and calibration", () => {
  const actual: Direction[] = [1, -1];
  const probabilities = [[0.1, 0.2, 0.7], [0.5, 0.25, 0.25]];

  it("log loss is the mean -ln p(true class), clipped at 1e-15", () => {
    expect(logLoss(actual, probabilities)).toBeCloseTo(-(Math.log(0.7) + Math.log(0.5)) / 2, 15);
    expect(logLoss([0], [[1, 0, 0]])).toBeCloseTo(-Math.log(1e-15), 12);
  });

  it("bins the top-class confidence and measures the gap to accuracy", () => {
    const table = calibrationTable(actual, probabilities);
    expect(table.bins.map((b) => [b.lower, b.count, b.meanConfidence, b.accuracy])).toEqual([[0.5, 1, 0.5, 1], [0.7, 1, 0.7, 1]]);
    expect(table.ece).toBeCloseTo(0.5 * 0.5 + 0.5 * 0.3, 15);
  });
});
