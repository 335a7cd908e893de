import type { Database } from "@/lib/db/client";
import { buyAndHoldBaseline, majorityClassBaseline, maCrossBaseline, persistenceBaseline, type Predictions } from "@/lib/ml/evaluation/baselines";
import { evaluatePredictions, type EvaluationRow } from "@/lib/ml/evaluation/evaluation-row";
import type { TradingCosts } from "@/lib/ml/evaluation/trading-result";
import { loadEnsemblePredictor } from "@/lib/ml/inference/load-ensemble";
import { directionOfReturn, type Direction } from "@/lib/ml/labels";
import type { ModelVersionRow } from "@/lib/ml/registry/model-version-store";
import type { RecordedBar } from "@/lib/market/replay/recording";
import { evaluationBars } from "./evaluation-bars";

/** Fewer scored bars than this say nothing about a model. */
export const MIN_EVALUATION_SAMPLES = 20;
/** The training request's default costs; the same for every predictor in the table. */
const COSTS: TradingCosts = { commission: 0.0005, slippageBps: 1 };
const MA_CROSS = { fast: 10, slow: 30 };
/** Bars before the training end the majority-class baseline counts its labels over (the predictor's warm-up at least). */
const LABEL_CONTEXT = 500;
/** In embedded mode this runs on the engine's event loop: hand it back every few bars (~20 ms of inference). */
const BARS_PER_SLICE = 50;
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** The metrics of one row of the comparison table, without the per-bar detail. */
export type ScoreRow = Pick<EvaluationRow, "name" | "samples" | "accuracy" | "balancedAccuracy" | "f1" | "logLoss" | "returnPct" | "sharpeRatio" | "maxDrawdownPct" | "trades">;

export type VersionEvaluation =
  | { versionId: string; name: string; status: string; from: string; to: string; rows: ScoreRow[] }
  | { versionId: string; name: string; status: string; skipped: string };

const scoreRow = (r: EvaluationRow): ScoreRow => ({
  name: r.name, samples: r.samples, accuracy: r.accuracy, balancedAccuracy: r.balancedAccuracy, f1: r.f1, logLoss: r.logLoss,
  returnPct: r.returnPct, sharpeRatio: r.sharpeRatio, maxDrawdownPct: r.maxDrawdownPct, trades: r.trades,
});

const labelAt = (bars: readonly RecordedBar[], t: number, horizon: number, deadZone: number): Direction =>
  directionOfReturn(bars[t + horizon].close / bars[t].close - 1, deadZone);

/** The ensemble's call on every out-of-sample bar whose label is known, warmed on the bars before them. */
async function modelCalls(db: Database, version: ModelVersionRow) {
  const predictor = await loadEnsemblePredictor(db, version.id);
  const { bars, firstOutOfSample } = await evaluationBars(db, version, Math.max(predictor.warmupBars, LABEL_CONTEXT));
  const positions: number[] = [];
  const model: Predictions = { directions: [], probabilities: [] };
  for (let t = 0; t < bars.length; t++) {
    if (t % BARS_PER_SLICE === BARS_PER_SLICE - 1) await yieldToEventLoop();
    const signal = predictor.update(bars[t]);
    if (t < firstOutOfSample || t + predictor.horizon >= bars.length || signal === null) continue;
    positions.push(t);
    model.directions.push(signal.direction);
    model.probabilities.push([...(predictor.probabilities() ?? [0, 1, 0])]);
  }
  return { predictor, bars, firstOutOfSample, positions, model };
}

/**
 * Walk-forward, out of sample: the version on the stored bars after its own training data, beside the four baselines
 * on exactly the same bars (majority class counted on the labels just before the training end).
 */
export async function evaluateVersion(db: Database, version: ModelVersionRow): Promise<VersionEvaluation> {
  const label = { versionId: version.id, name: `${version.name} v${version.version}`, status: version.status };
  const { predictor, bars, firstOutOfSample, positions, model } = await modelCalls(db, version);
  if (positions.length < MIN_EVALUATION_SAMPLES) return { ...label, skipped: `only ${positions.length} out-of-sample bars with a known outcome` };
  const { horizon, deadZone } = predictor;
  const actual = positions.map((t) => labelAt(bars, t, horizon, deadZone));
  const trainingLabels = Array.from({ length: Math.max(0, firstOutOfSample - horizon) }, (_, t) => labelAt(bars, t, horizon, deadZone));
  const predictions: Record<string, Predictions> = {
    [label.name]: model,
    // No stored bars before the training end: there are no training labels to take a majority of.
    ...(trainingLabels.length > 0 ? { "majority-class": majorityClassBaseline(trainingLabels, positions.length) } : {}),
    persistence: persistenceBaseline(bars, positions, horizon, deadZone),
    "buy-and-hold": buyAndHoldBaseline(positions.length),
    "ma-cross": maCrossBaseline(bars, positions, MA_CROSS.fast, MA_CROSS.slow),
  };
  const tradeBars = bars.slice(positions[0], positions[positions.length - 1] + 2);
  const rows = Object.entries(predictions).map(([name, p]) => scoreRow(evaluatePredictions(name, actual, p, tradeBars, COSTS)));
  return { ...label, from: new Date(bars[positions[0]].openTime).toISOString(), to: new Date(bars[positions[positions.length - 1]].openTime).toISOString(), rows };
}
