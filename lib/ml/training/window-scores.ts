import type { RecordedBar } from "@/lib/market/replay/recording";
import { buyAndHoldBaseline, majorityClassBaseline, maCrossBaseline, persistenceBaseline, type Predictions } from "@/lib/ml/evaluation/baselines";
import { evaluatePredictions, type EvaluationRow } from "@/lib/ml/evaluation/evaluation-row";
import type { Direction } from "@/lib/ml/labels";
import type { TrainingRequest } from "./training-request";
import type { SamplePart } from "./training-samples";

/** A model's metrics on one window beside the baselines' on exactly the same bars. */
export interface WindowScores {
  from: number;
  to: number;
  model: EvaluationRow;
  baselines: EvaluationRow[];
}

/** The moving-average cross the README's evaluation uses as its rule baseline. */
const MA_CROSS = { fast: 10, slow: 30 };

/** The four baselines over a window (majority class from the training labels), computed once and shared by all models. */
export function baselinePredictions(bars: readonly RecordedBar[], part: SamplePart, trainingLabels: readonly Direction[], request: TrainingRequest): Record<string, Predictions> {
  return {
    "majority-class": majorityClassBaseline(trainingLabels, part.bars.length),
    persistence: persistenceBaseline(bars, part.bars, request.horizon, request.deadZone),
    "buy-and-hold": buyAndHoldBaseline(part.bars.length),
    "ma-cross": maCrossBaseline(bars, part.bars, MA_CROSS.fast, MA_CROSS.slow),
  };
}

/** Scores every predictor on the window; the backtest runs to one bar past the last decision, where it is closed. */
export function scoreWindow(bars: readonly RecordedBar[], part: SamplePart, predictions: Record<string, Predictions>, request: TrainingRequest): Record<string, EvaluationRow> {
  const first = part.bars[0];
  const last = part.bars[part.bars.length - 1];
  const tradeBars = bars.slice(first, last + 2);
  return Object.fromEntries(Object.entries(predictions).map(([name, p]) => [name, evaluatePredictions(name, part.labels, p, tradeBars, request.costs)]));
}

export function windowScores(bars: readonly RecordedBar[], part: SamplePart, model: EvaluationRow, baselines: Record<string, EvaluationRow>): WindowScores {
  return { from: bars[part.bars[0]].openTime, to: bars[part.bars[part.bars.length - 1]].openTime, model, baselines: Object.values(baselines) };
}
