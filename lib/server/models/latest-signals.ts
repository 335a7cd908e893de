import "server-only";
import { and, desc, eq, inArray } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { modelSignals, modelVersions } from "@/lib/db/schema";
import type { MemberVote } from "@/lib/ml/ensemble/member-output";
import type { Direction } from "@/lib/ml/labels";

export interface SignalView {
  /** Open time of the closed bar the call was made on. */
  ts: string;
  /** When the engine stored the call (the bar's close, give or take): what the age counts from. */
  calledAt: string;
  role: string;
  direction: Direction;
  confidence: number;
  /** Signed target position of a production call; null for shadow calls. */
  target: string | null;
  close: string;
  horizon: number;
  votes: MemberVote[];
  outcome: Direction | null;
  correct: boolean | null;
}

export interface EnsembleSignalEntry {
  versionId: string;
  name: string;
  version: number;
  status: "production" | "shadow";
  /** Null until the engine's first call with this version on a closed bar. */
  signal: SignalView | null;
}

export interface SymbolSignals {
  symbol: string;
  interval: string;
  production: EnsembleSignalEntry[];
  shadow: EnsembleSignalEntry[];
}

type SignalRow = typeof modelSignals.$inferSelect;

function signalView(row: SignalRow): SignalView {
  return {
    ts: row.ts.toISOString(), calledAt: row.createdAt.toISOString(), role: row.role, direction: row.direction as Direction, confidence: row.confidence,
    target: row.target, close: row.close, horizon: row.horizon, votes: row.votes, outcome: row.outcome as Direction | null, correct: row.correct,
  };
}

async function liveEnsembles(db: Database) {
  return db.select({ id: modelVersions.id, name: modelVersions.name, version: modelVersions.version, status: modelVersions.status, symbol: modelVersions.symbol, interval: modelVersions.interval })
    .from(modelVersions).where(and(eq(modelVersions.kind, "ensemble"), inArray(modelVersions.status, ["production", "shadow"])));
}

/** The newest call of each version on each symbol and interval it was run on. */
async function latestSignalsOf(db: Database, versionIds: string[]): Promise<SignalRow[]> {
  if (versionIds.length === 0) return [];
  return db.selectDistinctOn([modelSignals.versionId, modelSignals.symbol, modelSignals.interval]).from(modelSignals)
    .where(inArray(modelSignals.versionId, versionIds))
    .orderBy(modelSignals.versionId, modelSignals.symbol, modelSignals.interval, desc(modelSignals.ts));
}

/** Per symbol and interval: the production ensemble's latest call and the shadow ensembles' beside it, with every member's vote. */
export async function latestEnsembleSignals(db: Database): Promise<SymbolSignals[]> {
  const versions = await liveEnsembles(db);
  const signals = await latestSignalsOf(db, versions.map((v) => v.id));
  const groups = new Map<string, SymbolSignals>();
  const add = (symbol: string, interval: string, entry: EnsembleSignalEntry) => {
    const key = `${symbol} ${interval}`;
    const group = groups.get(key) ?? { symbol, interval, production: [], shadow: [] };
    group[entry.status].push(entry);
    groups.set(key, group);
  };
  for (const v of versions) {
    const own = signals.filter((s) => s.versionId === v.id);
    const entry = { versionId: v.id, name: v.name, version: v.version, status: v.status as EnsembleSignalEntry["status"] };
    if (own.length === 0) add(v.symbol, v.interval, { ...entry, signal: null });
    for (const s of own) add(s.symbol, s.interval, { ...entry, signal: signalView(s) });
  }
  return [...groups.values()].sort((a, b) => a.symbol.localeCompare(b.symbol) || a.interval.localeCompare(b.interval));
}
