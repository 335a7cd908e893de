import type { RecordedBar } from "@/lib/market/replay/recording";
import { buildLabelledDataset, selectSamples } from "@/lib/ml/dataset";
import type { Direction, LabelConfig } from "@/lib/ml/labels";
import { directionOfClass } from "@/lib/ml/labels";
import { argMax } from "@/lib/ml/arg-max";
import { DEFAULT_RANDOM_FOREST_PARAMS, RandomForestModel, type RandomForestParams } from "@/lib/ml/random-forest-model";
import { walkForwardFolds, type WalkForwardConfig } from "@/lib/ml/splits";
import { buyAndHoldBaseline, majorityClassBaseline, maCrossBaseline, persistenceBaseline, type Predictions } from "@/lib/ml/evaluation/baselines";
import { evaluatePredictions, type EvaluationRow } from "@/lib/ml/evaluation/evaluation-row";
import type { TradingCosts } from "@/lib/ml/evaluation/trading-result";

export interface WalkForwardEvaluationConfig {
  labels: LabelConfig;
  /** Bars left empty between the end of a training label window and the test window. */
  embargo: number;
  folds: WalkForwardConfig;
  forest?: RandomForestParams;
  costs: TradingCosts;
  maCross: { fast: number; slow: number };
}

export interface FoldSummary {
  fold: number;
  /** Bar indices [first, last] of the purged training samples and of the test samples. */
  train: [number, number];
  test: [number, number];
  trainSamples: number;
  majorityClass: Direction;
  modelAccuracy: number;
}

export interface WalkForwardEvaluation {
  folds: FoldSummary[];
  /** The model first, then the baselines, all over the same out-of-sample bars. */
  rows: EvaluationRow[];
  /** Open times of the first and last out-of-sample bar. */
  span: [number, number];
  /** Feature importance of the last fold's model. */
  importance: Array<{ feature: string; importance: number }>;
}

const PREDICTOR_NAMES = ["random-forest", "majority-class", "persistence", "buy-and-hold", "ma-cross"] as const;

/**
 * Out-of-sample only: each fold trains a Random Forest on its purged, embargoed training window and predicts the
 * test window after it; majority class uses that same training window. The test windows tile one span, so every
 * predictor is scored on exactly the same bars, and each is backtested once over the whole span with costs.
 */
export function runWalkForwardEvaluation(bars: readonly RecordedBar[], config: WalkForwardEvaluationConfig): WalkForwardEvaluation {
  const dataset = buildLabelledDataset(bars, config.labels);
  const guard = { horizon: config.labels.horizon, embargo: config.embargo };
  const folds = walkForwardFolds(dataset.barIndex, config.folds, guard);
  if (folds.length === 0) throw new RangeError(`no walk-forward fold fits in ${dataset.barIndex.length} samples`);
  const pooled = new Map<string, Predictions>(PREDICTOR_NAMES.map((name) => [name, { directions: [], probabilities: [] }]));
  const actual: Direction[] = [];
  const testBars: number[] = [];
  const summaries: FoldSummary[] = [];
  let model: RandomForestModel | null = null;
  for (const fold of folds) {
    const train = selectSamples(dataset, fold.train);
    const test = selectSamples(dataset, fold.test);
    model = RandomForestModel.train(train.features, train.labels, dataset.featureNames, config.forest ?? DEFAULT_RANDOM_FOREST_PARAMS);
    const probabilities = test.features.map((x) => model!.predictProbabilities(x));
    const forest: Predictions = { directions: probabilities.map((p) => directionOfClass(argMax(p))), probabilities };
    const majority = majorityClassBaseline(train.labels, fold.test.length);
    const predictions: Record<(typeof PREDICTOR_NAMES)[number], Predictions> = {
      "random-forest": forest,
      "majority-class": majority,
      persistence: persistenceBaseline(bars, fold.test, config.labels.horizon, config.labels.deadZone),
      "buy-and-hold": buyAndHoldBaseline(fold.test.length),
      "ma-cross": maCrossBaseline(bars, fold.test, config.maCross.fast, config.maCross.slow),
    };
    for (const name of PREDICTOR_NAMES) append(pooled.get(name)!, predictions[name]);
    actual.push(...test.labels);
    testBars.push(...fold.test);
    summaries.push(foldSummary(fold.fold, fold.train, fold.test, majority.directions[0], forest.directions, test.labels));
  }
  const first = testBars[0];
  const last = testBars[testBars.length - 1];
  // One bar past the last decision, so the position it asks for is filled and then closed.
  const tradeBars = bars.slice(first, last + 2);
  const rows = PREDICTOR_NAMES.map((name) => evaluatePredictions(name, actual, pooled.get(name)!, tradeBars, config.costs));
  return { folds: summaries, rows, span: [bars[first].openTime, bars[last].openTime], importance: model!.featureImportance() };
}

function append(into: Predictions, more: Predictions): void {
  into.directions.push(...more.directions);
  into.probabilities.push(...more.probabilities);
}

function foldSummary(fold: number, train: number[], test: number[], majorityClass: Direction, predicted: Direction[], actual: Direction[]): FoldSummary {
  const hits = predicted.filter((d, i) => d === actual[i]).length;
  return {
    fold, train: [train[0], train[train.length - 1]], test: [test[0], test[test.length - 1]], trainSamples: train.length,
    majorityClass, modelAccuracy: hits / actual.length,
  };
}
