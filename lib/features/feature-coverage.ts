import { and, count, eq, gt, max, min } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { bars, features } from "@/lib/db/schema";
import { INTERVAL_MS } from "@/lib/domain/market-data";
import type { FeatureSeriesKey } from "./feature-store";

export interface SeriesSpan {
  first: number | null;
  last: number | null;
  count: number;
}

/** Stored vectors beside the stored bars they come from; the gap is warm-up plus whatever is not backfilled yet. */
export interface FeatureCoverage {
  vectors: SeriesSpan;
  bars: SeriesSpan;
}

export interface FeatureFreshness {
  latestTs: number | null;
  /** Since the latest vector's bar closed (its open time plus the interval); null with no vector. */
  ageMs: number | null;
  /** Stored bars opened after the latest vector: how far the store lags the market data. */
  barsBehind: number;
}

const span = (row: { first: Date | null; last: Date | null; count: number } | undefined): SeriesSpan => ({
  first: row?.first?.getTime() ?? null, last: row?.last?.getTime() ?? null, count: Number(row?.count ?? 0),
});

export async function featureCoverage(db: Database, key: FeatureSeriesKey): Promise<FeatureCoverage> {
  const [vectorRow] = await db.select({ first: min(features.ts), last: max(features.ts), count: count() }).from(features)
    .where(and(eq(features.symbol, key.symbol), eq(features.interval, key.interval), eq(features.version, key.version)));
  const [barRow] = await db.select({ first: min(bars.openTime), last: max(bars.openTime), count: count() }).from(bars)
    .where(and(eq(bars.symbol, key.symbol), eq(bars.interval, key.interval)));
  return { vectors: span(vectorRow), bars: span(barRow) };
}

export async function featureFreshness(db: Database, params: FeatureSeriesKey & { latestTs: number | null; now: number }): Promise<FeatureFreshness> {
  const where = [eq(bars.symbol, params.symbol), eq(bars.interval, params.interval)];
  if (params.latestTs !== null) where.push(gt(bars.openTime, new Date(params.latestTs)));
  const [behind] = await db.select({ count: count() }).from(bars).where(and(...where));
  const ageMs = params.latestTs === null ? null : params.now - (params.latestTs + INTERVAL_MS[params.interval]);
  return { latestTs: params.latestTs, ageMs, barsBehind: Number(behind?.count ?? 0) };
}
