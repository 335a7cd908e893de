import type { Database } from "@/lib/db/client";
import { modelSignals, modelVersions } from "@/lib/db/schema";
import type { EvaluationRow } from "@/lib/ml/evaluation/evaluation-row";
import type { MemberVote } from "@/lib/ml/ensemble/member-output";

/** An evaluation row as the trainer stores it: 60 test bars, down/flat/up rows of the confusion matrix. */
export function evaluationRow(name: string, confusion: number[][], calibration: EvaluationRow["calibration"]): EvaluationRow {
  const samples = confusion.flat().reduce((a, b) => a + b, 0);
  const correct = confusion.reduce((sum, row, i) => sum + row[i], 0);
  return {
    name, samples, accuracy: correct / samples, balancedAccuracy: 0.41, precision: 0.4, recall: 0.41, f1: 0.39, rocAuc: 0.58, logLoss: 1.02,
    calibration, confusion, returnPct: 1.2, sharpeRatio: 0.8, maxDrawdownPct: -2.5, trades: 7, winRatePct: 57, exposurePct: 60,
  } as unknown as EvaluationRow;
}

export const MODEL_CONFUSION = [[12, 5, 3], [4, 15, 2], [2, 6, 11]];
export const PERSISTENCE_CONFUSION = [[9, 6, 5], [7, 10, 4], [5, 6, 8]];
export const MAJORITY_CONFUSION = [[0, 20, 0], [0, 21, 0], [0, 19, 0]];
const MODEL_CALIBRATION = { bins: [{ lower: 0.4, upper: 0.5, count: 25, meanConfidence: 0.45, accuracy: 0.48 }, { lower: 0.6, upper: 0.7, count: 35, meanConfidence: 0.64, accuracy: 0.6 }], ece: 0.031 };
const ONE_HOT = (accuracy: number) => ({ bins: [{ lower: 0.9, upper: 1, count: 60, meanConfidence: 1, accuracy }], ece: 1 - accuracy });

function windowScores(from: number) {
  return {
    from, to: from + 59 * 3_600_000,
    model: evaluationRow("model", MODEL_CONFUSION, MODEL_CALIBRATION),
    baselines: [evaluationRow("majority-class", MAJORITY_CONFUSION, ONE_HOT(0.35)), evaluationRow("persistence", PERSISTENCE_CONFUSION, ONE_HOT(0.45))],
  };
}

export const FEATURES = ["rsi_14", "macd_hist", "atr_14", "volume_z"];
export const IMPORTANCE = [0.1, 0.45, 0.3, 0.15];

export interface SeedVersion {
  kind: "rf" | "lstm" | "ensemble";
  version: number;
  status?: string;
  symbol?: string;
  createdBy: string;
  members?: Array<{ kind: string; versionId: string | null; weight: number }>;
}

function artifactOf(seed: SeedVersion): unknown {
  if (seed.kind === "rf") return { kind: "random-forest", featureNames: FEATURES, importance: IMPORTANCE, params: {}, trees: [{ feature: [0, -1, -1], threshold: [0.5, 0, 0], left: [1, -1, -1], right: [2, -1, -1], probabilities: [[], [0.2, 0.5, 0.3], [0.6, 0.2, 0.2]] }] };
  if (seed.kind === "ensemble") return { kind: "ensemble", members: seed.members ?? [] };
  return { kind: "lstm", weights: [[0.123456789, 0.987654321]] };
}

export async function seedVersion(db: Database, seed: SeedVersion): Promise<string> {
  const from = Date.UTC(2024, 0, 1);
  const params = seed.kind === "ensemble" ? { weights: Object.fromEntries((seed.members ?? []).map((m) => [m.kind, m.weight])), learnedOn: "validation" } : { trees: 25 };
  const [row] = await db.insert(modelVersions).values({
    name: `${seed.kind}-v1`, kind: seed.kind, version: seed.version, status: seed.status ?? "candidate", featureSetVersion: "v1", symbol: seed.symbol ?? "BTCUSDT", interval: "1m",
    dataFrom: new Date(from), dataTo: new Date(from + 400 * 3_600_000), params, metrics: { validation: windowScores(from + 200 * 3_600_000), test: windowScores(from + 300 * 3_600_000) },
    artifact: artifactOf(seed), createdBy: seed.createdBy, durationMs: 1200,
  }).returning({ id: modelVersions.id });
  return row.id;
}

export const VOTES: MemberVote[] = [
  { member: "rf", direction: 1, confidence: 0.62 },
  { member: "lstm", direction: 0, confidence: 0.48 },
  { member: "ddqn", direction: 1, confidence: 1 },
];

export interface SeedSignal {
  versionId: string;
  role: string;
  ts: number;
  direction: -1 | 0 | 1;
  outcome?: -1 | 0 | 1 | null;
  symbol?: string;
}

export async function seedSignals(db: Database, signals: readonly SeedSignal[]): Promise<void> {
  await db.insert(modelSignals).values(signals.map((s) => ({
    versionId: s.versionId, role: s.role, symbol: s.symbol ?? "BTCUSDT", interval: "1m", ts: new Date(s.ts), direction: s.direction, confidence: 0.55,
    votes: VOTES, close: "42000.5", horizon: 5, deadZone: 0.0005, target: s.role === "production" ? String(0.01 * s.direction) : null,
    outcome: s.outcome ?? null, correct: s.outcome === undefined || s.outcome === null ? null : s.outcome === s.direction,
    resolvedAt: s.outcome === undefined || s.outcome === null ? null : new Date(s.ts + 5 * 60_000),
  })));
}
