import "server-only";
import type { ReliabilityBin } from "@/lib/ml/evaluation/calibration";
import type { EvaluationRow } from "@/lib/ml/evaluation/evaluation-row";
import { isExpired, type ModelStatus } from "@/lib/ml/registry/model-status";
import type { ModelVersionRow } from "@/lib/ml/registry/model-version-store";
import type { FeatureImportanceView, MemberWeightView } from "./feature-importance";
import type { TrainedModel } from "@/lib/ml/training/trainer";
import type { TrainingRunRow, TrainingRunStatus } from "@/lib/ml/training/training-run-store";

/** One predictor's metrics on one window: the scores, its confusion matrix and its calibration table. */
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
  /** confusion[actual][predicted], classes in order down, flat, up. */
  confusion: number[][];
  calibration: { bins: ReliabilityBin[]; ece: number | null };
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
  /** Random Forest versions: their own importance; ensembles: their rf member's. Null for the other kinds. */
  importance: FeatureImportanceView | null;
  /** Ensembles only: the members they combine and their learned weights. */
  members: MemberWeightView[] | null;
}

/** A registry row without its artifact: the weights stay in the database, only what the views need is read. */
export type VersionRow = Omit<ModelVersionRow, "artifact">;

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
  /** Who started it (a schedule runs as its own user). */
  createdByEmail: string | null;
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
    maxDrawdownPct: finite(row.maxDrawdownPct), trades: row.trades, confusion: row.confusion,
    calibration: { bins: row.calibration.bins, ece: finite(row.calibration.ece) },
  };
}

function windowHeadline(window: TrainedModel["metrics"]["test"]): WindowHeadline {
  return { from: new Date(window.from).toISOString(), to: new Date(window.to).toISOString(), model: headline(window.model), baselines: window.baselines.map(headline) };
}

export interface VersionExtras {
  importance: FeatureImportanceView | null;
  members: MemberWeightView[] | null;
}

export function modelVersionView(row: VersionRow, now: number, maxAgeMs?: number, extras: VersionExtras = { importance: null, members: null }): ModelVersionView {
  const metrics = row.metrics as TrainedModel["metrics"];
  return {
    id: row.id, name: row.name, kind: row.kind, version: row.version, status: row.status as ModelStatus, expired: isExpired(row.createdAt, now, maxAgeMs),
    featureSetVersion: row.featureSetVersion, symbol: row.symbol, interval: row.interval, dataFrom: row.dataFrom.toISOString(), dataTo: row.dataTo.toISOString(),
    params: row.params, metrics: { validation: windowHeadline(metrics.validation), test: windowHeadline(metrics.test) }, trainingRunId: row.trainingRunId,
    createdBy: row.createdBy, createdAt: row.createdAt.toISOString(), durationMs: row.durationMs, promotedBy: row.promotedBy, promotedAt: row.promotedAt?.toISOString() ?? null,
    ...extras,
  };
}

export function trainingRunView(row: TrainingRunRow, createdByEmail: string | null = null): TrainingRunView {
  return {
    id: row.id, status: row.status as TrainingRunStatus, progress: row.progress, stage: row.stage, request: row.request, result: row.result, error: row.error,
    cancelRequested: row.cancelRequested, createdBy: row.createdBy, createdByEmail, createdAt: row.createdAt.toISOString(), startedAt: row.startedAt?.toISOString() ?? null,
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}
