import { and, desc, eq, lt, sql, type SQL } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { features } from "@/lib/db/schema";
import type { BarInterval } from "@/lib/domain/market-data";
import type { FeatureVector } from "./feature-pipeline";

/** Which stored series: one symbol and interval under one feature-set version. */
export interface FeatureSeriesKey {
  symbol: string;
  interval: BarInterval;
  version: string;
}

const WRITE_BATCH = 500;

function assertFinite(vector: FeatureVector): void {
  for (const [name, value] of Object.entries(vector.values)) {
    // JSON would silently store NaN and Infinity as null.
    if (!Number.isFinite(value)) throw new RangeError(`feature ${name} at ${new Date(vector.ts).toISOString()} is ${value}, not a finite number`);
  }
}

/**
 * Writes vectors keyed by (symbol, interval, ts, version). Idempotent: a vector already stored with the same
 * values is left untouched (computed_at included), a changed one is replaced. Returns the rows written.
 */
export async function upsertFeatureVectors(db: Database, params: FeatureSeriesKey & { vectors: readonly FeatureVector[] }): Promise<number> {
  params.vectors.forEach(assertFinite);
  let written = 0;
  for (let start = 0; start < params.vectors.length; start += WRITE_BATCH) {
    const rows = params.vectors.slice(start, start + WRITE_BATCH).map((v) => ({
      symbol: params.symbol, interval: params.interval, version: params.version, ts: new Date(v.ts), values: v.values,
    }));
    const result = await db.insert(features).values(rows).onConflictDoUpdate({
      target: [features.symbol, features.interval, features.ts, features.version],
      set: { values: sql`excluded.values`, computedAt: sql`now()` },
      setWhere: sql`${features.values} IS DISTINCT FROM excluded.values`,
    }).returning({ ts: features.ts });
    written += result.length;
  }
  return written;
}

const keyMatches = (key: FeatureSeriesKey): SQL[] => [eq(features.symbol, key.symbol), eq(features.interval, key.interval), eq(features.version, key.version)];

/**
 * The latest `limit` stored vectors, in time order; with `before`, only those of bars opened before it (the
 * history preceding a recent window).
 */
export async function readFeatureVectors(db: Database, params: FeatureSeriesKey & { limit: number; before?: number }): Promise<FeatureVector[]> {
  const where = keyMatches(params);
  if (params.before !== undefined) where.push(lt(features.ts, new Date(params.before)));
  const rows = await db.select({ ts: features.ts, values: features.values }).from(features)
    .where(and(...where)).orderBy(desc(features.ts)).limit(params.limit);
  return rows.reverse().map((row) => ({ ts: row.ts.getTime(), values: row.values }));
}

export async function readLatestFeatureVector(db: Database, key: FeatureSeriesKey): Promise<FeatureVector | null> {
  return (await readFeatureVectors(db, { ...key, limit: 1 }))[0] ?? null;
}
