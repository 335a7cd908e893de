import { describe, expect, it } from "vitest";
import { loadRecording } from "@/lib/market/replay/detect-format";
import type { RecordedBar } from "@/lib/market/replay/recording";
import { formatEvaluationTable } from "@/lib/ml/evaluation/evaluation-table";
import { runWalkForwardEvaluation, type WalkForwardEvaluation, type WalkForwardEvaluationConfig } from "@/lib/ml/evaluation/walk-forward-evaluation";
import { DEFAULT_RANDOM_FOREST_PARAMS } from "@/lib/ml/random-forest-model";
import { sharedDataPath } from "@/tests/support/shared-data";

async function loadBars(file: string): Promise<RecordedBar[]> {
  const recording = await loadRecording(file);
  if (recording.kind !== "bars") throw new Error(`${file} holds trades, not bars`);
  return recording.bars;
}

const FOREST = { ...DEFAULT_RANDOM_FOREST_PARAMS, trees: 15, rowsPerTree: 400 };

/** 30 minutes ahead on 5m crypto; the platform's default paper costs (5 bps taker fee, 1 bp slippage). */
const CRYPTO_5M: WalkForwardEvaluationConfig = {
  labels: { horizon: 6, deadZone: 0.001 }, embargo: 6, folds: { trainSize: 1500, testSize: 500, maxFolds: 4 },
  forest: FOREST, costs: { commission: 0.0005, slippageBps: 1 }, maCross: { fast: 10, slow: 30 },
};

/** 6 hours ahead on EURUSD 1h, 3 pips dead zone; FX-like costs (0.5 bp commission, 0.5 bp slippage). */
const EURUSD_1H: WalkForwardEvaluationConfig = {
  labels: { horizon: 6, deadZone: 0.0003 }, embargo: 6, folds: { trainSize: 1500, testSize: 750, maxFolds: 4 },
  forest: FOREST, costs: { commission: 0.00005, slippageBps: 0.5 }, maCross: { fast: 10, slow: 30 },
};

function print(title: string, evaluation: WalkForwardEvaluation): void {
  const [from, to] = evaluation.span.map((ts) => new Date(ts).toISOString());
  console.log(`\n${title}: out-of-sample ${from} .. ${to}, ${evaluation.folds.length} folds\n${formatEvaluationTable(evaluation.rows)}`);
  console.log(`top features: ${evaluation.importance.slice(0, 5).map((f) => `${f.feature} ${f.importance.toFixed(3)}`).join(", ")}`);
}

function expectSane(evaluation: WalkForwardEvaluation): void {
  const [model, ...baselines] = evaluation.rows;
  expect(model.name).toBe("random-forest");
  expect(baselines.map((b) => b.name)).toEqual(["majority-class", "persistence", "buy-and-hold", "ma-cross"]);
  for (const row of evaluation.rows) {
    expect(row.samples).toBe(model.samples);
    expect(row.confusion.flat().reduce((a, b) => a + b, 0)).toBe(model.samples);
    for (const score of [row.accuracy, row.balancedAccuracy, row.precision, row.recall, row.f1, row.rocAuc, row.calibration.ece]) {
      expect(score).toBeGreaterThanOrEqual(0);
      expect(score).toBeLessThanOrEqual(1);
    }
    expect(row.logLoss).toBeGreaterThan(0);
    expect(row.returnPct).toBeGreaterThan(-100);
    expect(row.maxDrawdownPct).toBeLessThanOrEqual(0);
    expect(row.calibration.bins.reduce((a, b) => a + b.count, 0)).toBe(model.samples);
  }
  // A rule that never varies cannot rank anything: AUC exactly one half.
  expect(evaluation.rows.find((r) => r.name === "buy-and-hold")!.rocAuc).toBe(0.5);
  for (let i = 1; i < evaluation.folds.length; i++) {
    const [previous, fold] = [evaluation.folds[i - 1], evaluation.folds[i]];
    expect(fold.test[0]).toBe(previous.test[1] + 1);
    expect(fold.train[1]).toBeLessThan(fold.test[0]);
  }
}

describe("Random Forest walk-forward, out-of-sample, beside naive baselines", () => {
  it("freqtrade UNITTEST/BTC 5m candles: sane metrics on shared windows, reproducible with the seed", async () => {
    const bars = await loadBars(sharedDataPath("freqtrade", "UNITTEST_BTC-5m.json"));
    const evaluation = runWalkForwardEvaluation(bars, CRYPTO_5M);
    print("UNITTEST/BTC 5m (freqtrade)", evaluation);
    expectSane(evaluation);
    const again = runWalkForwardEvaluation(bars, { ...CRYPTO_5M, folds: { ...CRYPTO_5M.folds, maxFolds: 1 } });
    const lastFold = evaluation.folds[evaluation.folds.length - 1];
    expect({ ...again.folds[0], fold: lastFold.fold }).toEqual(lastFold);
    expect(again.rows[0].confusion).not.toEqual([[0, 0, 0], [0, 0, 0], [0, 0, 0]]);
  });

  it("EURUSD 1h (backtesting.py's EURUSD.csv): sane metrics on shared windows", async () => {
    const bars = await loadBars(sharedDataPath("backtesting.py", "EURUSD.csv"));
    const evaluation = runWalkForwardEvaluation(bars, EURUSD_1H);
    print("EURUSD 1h (backtesting.py)", evaluation);
    expectSane(evaluation);
  });
});
