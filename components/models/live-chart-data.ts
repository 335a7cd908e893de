import type { VersionMetrics } from "@/lib/server/models/metrics-service";

/** The live versions of one symbol and interval: they call the same bars, so one constant-call baseline serves them all. */
export interface LiveMarket {
  key: string;
  versions: VersionMetrics[];
  /** Whose resolved bars the baseline line is scored on: the production version, else the one with the most. */
  reference: VersionMetrics;
}

export type LiveChartRow = { ts: number; baseline: number | null } & Record<string, number | null>;

const STATUS_ORDER = ["production", "shadow", "archived", "candidate"];
const isLive = (v: VersionMetrics) => v.live.calls > 0 || (v.kind === "ensemble" && (v.status === "production" || v.status === "shadow"));

export function liveMarkets(versions: readonly VersionMetrics[]): LiveMarket[] {
  const groups = new Map<string, VersionMetrics[]>();
  for (const v of versions.filter(isLive)) {
    const key = `${v.symbol} ${v.interval}`;
    groups.set(key, [...(groups.get(key) ?? []), v]);
  }
  return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([key, members]) => {
    const sorted = [...members].sort((a, b) => STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status) || b.live.resolved - a.live.resolved);
    const production = sorted.find((v) => v.status === "production" && v.live.resolved > 0);
    const reference = production ?? [...sorted].sort((a, b) => b.live.resolved - a.live.resolved)[0];
    return { key, versions: sorted, reference };
  });
}

/** One row per hour: each version's hit rate under its id, and the reference's constant-call baseline. */
export function liveChartRows(market: LiveMarket): LiveChartRow[] {
  const rows = new Map<number, LiveChartRow>();
  const row = (iso: string) => {
    const ts = Date.parse(iso);
    const existing = rows.get(ts) ?? ({ ts, baseline: null } as LiveChartRow);
    rows.set(ts, existing);
    return existing;
  };
  for (const v of market.versions) for (const b of v.live.buckets) row(b.ts)[v.id] = b.hitRate;
  for (const b of market.reference.live.buckets) row(b.ts).baseline = b.baselineHitRate;
  return [...rows.values()].sort((a, b) => a.ts - b.ts);
}
