import type { Direction } from "@/lib/ml/labels";
import type { RecordedBar } from "@/lib/market/replay/recording";
import type { Predictions } from "@/lib/ml/evaluation/baselines";
import { calibrationTable, type CalibrationTable } from "@/lib/ml/evaluation/calibration";
import { classificationScores, confusionMatrix, type ClassificationScores } from "@/lib/ml/evaluation/classification-metrics";
import { logLoss, macroRocAuc } from "@/lib/ml/evaluation/probability-metrics";
import { tradeDirections, type TradingCosts, type TradingResult } from "@/lib/ml/evaluation/trading-result";

/** Every metric of one predictor over the out-of-sample bars. */
export interface EvaluationRow extends ClassificationScores, TradingResult {
  name: string;
  samples: number;
  rocAuc: number;
  logLoss: number;
  calibration: CalibrationTable;
  confusion: number[][];
}

/**
 * Scores one predictor: classification metrics over the labelled samples, and the backtest of holding its
 * directions over `tradeBars` (the out-of-sample bars plus the one after, where the last position is closed).
 */
export function evaluatePredictions(name: string, actual: readonly Direction[], predictions: Predictions, tradeBars: readonly RecordedBar[], costs: TradingCosts): EvaluationRow {
  return {
    name,
    samples: actual.length,
    ...classificationScores(actual, predictions.directions),
    rocAuc: macroRocAuc(actual, predictions.probabilities),
    logLoss: logLoss(actual, predictions.probabilities),
    calibration: calibrationTable(actual, predictions.probabilities),
    confusion: confusionMatrix(actual, predictions.directions),
    ...tradeDirections(tradeBars, predictions.directions, costs, name),
  };
}
