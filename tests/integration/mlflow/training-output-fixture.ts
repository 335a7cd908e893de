import type { EvaluationRow } from "@/lib/ml/evaluation/evaluation-row";
import type { TrainingOutput } from "@/lib/ml/training/trainer";
import { trainingRequestSchema } from "@/lib/ml/training/training-request";
import type { FinishedTrainingRun } from "@/lib/ml/mlflow/training-run-fields";

/** A distinct value per predictor and part, so a key logged with another's value shows. */
function row(name: string, base: number): EvaluationRow {
  return {
    name, samples: 100 + base, accuracy: 0.4 + base / 1000, balancedAccuracy: 0.35, precision: 0.3, recall: 0.32, f1: 0.31, rocAuc: 0.52, logLoss: 1.1,
    calibration: { bins: [], ece: 0.05 }, confusion: [[1, 0, 0], [0, 1, 0], [0, 0, 1]], returnPct: -2.5, sharpeRatio: Number.NaN, maxDrawdownPct: -4, trades: 7,
  };
}

const BASELINES = ["majority-class", "persistence", "buy-and-hold", "ma-cross"];

export function finishedRun(trainingRunId: string): FinishedTrainingRun {
  const scores = (kind: string, offset: number) => ({
    validation: { from: 1, to: 2, model: row(kind, offset), baselines: BASELINES.map((b, i) => row(b, 50 + i)) },
    test: { from: 3, to: 4, model: row(kind, offset + 10), baselines: BASELINES.map((b, i) => row(b, 60 + i)) },
  });
  const kinds = ["rf", "lstm", "ddqn", "ensemble"] as const;
  const output: TrainingOutput = {
    featureSetVersion: "fs-v3", dataFrom: Date.UTC(2024, 0, 1), dataTo: Date.UTC(2024, 0, 2), samples: { train: 240, validation: 80, test: 80 }, durationMs: 4321,
    models: kinds.map((kind, i) => ({ kind, params: {}, artifact: {}, metrics: scores(kind, i), durationMs: 100 * (i + 1) })),
  };
  const request = trainingRequestSchema.parse({ data: { source: "bars", symbol: "BTCUSDT", interval: "5m" }, period: { from: "2024-01-01T00:00:00Z" }, horizon: 3, deadZone: 0.0005, seed: 7 });
  const versions = kinds.map((kind, i) => ({ id: `00000000-0000-4000-8000-00000000000${i}`, name: `BTCUSDT-5m-${kind}`, kind, version: 2 }));
  return { trainingRunId, request, symbol: "BTCUSDT", interval: "5m", output, versions };
}
