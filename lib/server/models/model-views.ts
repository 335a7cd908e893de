import "server-only";
import type { EvaluationRow } from "@/lib/ml/evaluation/evaluation-row";
import { isExpired, type ModelStatus } from "@/lib/ml/registry/model-status";
import type { ModelVersionRow } from "@/lib/ml/registry/model-version-store";
import type { TrainedModel } from "@/lib/ml/training/trainer";
import type { TrainingRunRow, TrainingRunStatus } from "@/lib/ml/training/training-run-store";

/** The metrics a list shows for one predictor on one window (the stored row also holds calibration and confusion). */
export interface MetricHeadline {
  name: string;
  samples: number;
  accuracy: number | null;
  balancedAccuracy: number | null;
  f1: number | null;
  rocAuc: number | null;
  logLoss: number | null;
  returnPct: number | null;
  sharpeRatio: number | null;
  maxDrawdownPct: number | null;
  trades: number;
}

export interface WindowHeadline {
  from: string;
  to: string;
  model: MetricHeadline;
  baselines: MetricHeadline[];
}

export interface ModelVersionView {
  id: string;
  name: string;
  kind: string;
  version: number;
  status: ModelStatus;
  expired: boolean;
  featureSetVersion: string;
  symbol: string;
  interval: string;
  dataFrom: string;
  dataTo: string;
  params: unknown;
  metrics: { validation: WindowHeadline; test: WindowHeadline };
  trainingRunId: string | null;
  createdBy: string;
  createdAt: string;
  durationMs: number;
  promotedBy: string | null;
  promotedAt: string | null;
}

export interface TrainingRunView {
  id: string;
  status: TrainingRunStatus;
  progress: number;
  stage: string | null;
  request: unknown;
  result: unknown;
  error: string | null;
  cancelRequested: boolean;
  createdBy: string;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

/** jsonb turned NaN into null; the view keeps it null rather than pretending to a number. */
const finite = (value: number | null | undefined) => (typeof value === "number" && Number.isFinite(value) ? value : null);

function headline(row: EvaluationRow): MetricHeadline {
  return {
    name: row.name, samples: row.samples, accuracy: finite(row.accuracy), balancedAccuracy: finite(row.balancedAccuracy), f1: finite(row.f1),
    rocAuc: finite(row.rocAuc), logLoss: finite(row.logLoss), returnPct: finite(row.returnPct), sharpeRatio: finite(row.sharpeRatio),
    maxDrawdownPct: finite(row.maxDrawdownPct), trades: row.trades,
  };
}

function windowHeadline(window: TrainedModel["metrics"]["test"]): WindowHeadline {
  return { from: new Date(window.from).toISOString(), to: new Date(window.to).toISOString(), model: headline(window.model), baselines: window.baselines.map(headline) };
}

export function modelVersionView(row: ModelVersionRow, now: number, maxAgeMs?: number): ModelVersionView {
  const metrics = row.metrics as TrainedModel["metrics"];
  return {
    id: row.id, name: row.name, kind: row.kind, version: row.version, status: row.status as ModelStatus, expired: isExpired(row.createdAt, now, maxAgeMs),
    featureSetVersion: row.featureSetVersion, symbol: row.symbol, interval: row.interval, dataFrom: row.dataFrom.toISOString(), dataTo: row.dataTo.toISOString(),
    params: row.params, metrics: { validation: windowHeadline(metrics.validation), test: windowHeadline(metrics.test) }, trainingRunId: row.trainingRunId,
    createdBy: row.createdBy, createdAt: row.createdAt.toISOString(), durationMs: row.durationMs, promotedBy: row.promotedBy, promotedAt: row.promotedAt?.toISOString() ?? null,
  };
}

export function trainingRunView(row: TrainingRunRow): TrainingRunView {
  return {
    id: row.id, status: row.status as TrainingRunStatus, progress: row.progress, stage: row.stage, request: row.request, result: row.result, error: row.error,
    cancelRequested: row.cancelRequested, createdBy: row.createdBy, createdAt: row.createdAt.toISOString(), startedAt: row.startedAt?.toISOString() ?? null,
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}
