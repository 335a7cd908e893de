import type { EvaluationRow } from "@/lib/ml/evaluation/evaluation-row";
import type { TrainingOutput } from "@/lib/ml/training/trainer";
import type { TrainingRequest } from "@/lib/ml/training/training-request";
import type { MlflowBatch, MlflowKeyValue, MlflowMetric } from "./mlflow-batches";

/** What the job knows once a training run's versions are in the registry. */
export interface FinishedTrainingRun {
  trainingRunId: string;
  request: TrainingRequest;
  symbol: string;
  interval: string;
  output: TrainingOutput;
  versions: Array<{ id: string; name: string; kind: string; version: number }>;
}

/** The numeric metrics of an evaluation row; of the calibration table its expected calibration error (ece). */
const ROW_METRICS = ["samples", "accuracy", "balancedAccuracy", "precision", "recall", "f1", "rocAuc", "logLoss", "returnPct", "sharpeRatio", "maxDrawdownPct", "trades"] as const;

/** Nested request fields as dotted keys: { forest: { trees: 15 } } → forest.trees = "15". */
function flatten(value: unknown, prefix: string): MlflowKeyValue[] {
  if (value !== null && typeof value === "object" && !Array.isArray(value)) {
    return Object.entries(value).flatMap(([k, v]) => flatten(v, prefix ? `${prefix}.${k}` : k));
  }
  return value === undefined ? [] : [{ key: prefix, value: typeof value === "string" ? value : JSON.stringify(value) }];
}

export function trainingParams(run: FinishedTrainingRun): MlflowKeyValue[] {
  const { output } = run;
  const extra = { symbol: run.symbol, interval: run.interval, samples: output.samples, data: { from: new Date(output.dataFrom).toISOString(), to: new Date(output.dataTo).toISOString() } };
  return [...flatten(run.request, ""), ...flatten(extra, "")];
}

/** NaN and infinities cannot travel as JSON numbers, so a metric without a finite value is left out. */
function rowMetrics(prefix: string, row: EvaluationRow, at: number): MlflowMetric[] {
  const values: Array<[string, number]> = [...ROW_METRICS.map((m): [string, number] => [m, row[m]]), ["ece", row.calibration.ece]];
  return values.filter(([, value]) => Number.isFinite(value)).map(([m, value]) => ({ key: `${prefix}.${m}`, value, timestamp: at, step: 0 }));
}

/** Every member's metrics per part (test.rf.accuracy), the baselines' once (they score the same bars), and durations. */
export function trainingMetrics(output: TrainingOutput, at: number): MlflowMetric[] {
  const parts = ["validation", "test"] as const;
  const members = output.models.flatMap((m) => parts.flatMap((part) => rowMetrics(`${part}.${m.kind}`, m.metrics[part].model, at)));
  const first = output.models[0];
  const baselines = first ? parts.flatMap((part) => first.metrics[part].baselines.flatMap((b) => rowMetrics(`${part}.baseline.${b.name}`, b, at))) : [];
  const durations = [{ key: "duration_ms", value: output.durationMs }, ...output.models.map((m) => ({ key: `${m.kind}.duration_ms`, value: m.durationMs }))];
  return [...members, ...baselines, ...durations.map((d) => ({ ...d, timestamp: at, step: 0 }))];
}

export function trainingTags(run: FinishedTrainingRun): MlflowKeyValue[] {
  return [
    { key: "tradeforge.training_run_id", value: run.trainingRunId },
    { key: "tradeforge.feature_set_version", value: run.output.featureSetVersion },
    ...run.versions.map((v) => ({ key: `tradeforge.version.${v.kind}`, value: `${v.id} (${v.name} v${v.version})` })),
  ];
}

export function trainingBatch(run: FinishedTrainingRun, at: number): MlflowBatch {
  return { metrics: trainingMetrics(run.output, at), params: trainingParams(run), tags: trainingTags(run) };
}
