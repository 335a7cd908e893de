import { and, asc, eq, gt } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { bars } from "@/lib/db/schema";
import type { BarInterval } from "@/lib/domain/market-data";
import { FeaturePipeline } from "./feature-pipeline";
import { upsertFeatureVectors } from "./feature-store";

export interface BackfillResult {
  bars: number;
  vectors: number;
  /** Rows inserted or changed; 0 on a rerun over the same bars. */
  written: number;
}

/**
 * Computes and stores the feature vectors of every stored bar of a symbol and interval, a page of bars at a time
 * through one streaming pipeline. It always starts at the first bar: EMA-based features (RSI, MACD) depend on the
 * whole history since their seed, so resuming mid-way would store values live trading never sees.
 */
export async function backfillFeatures(db: Database, params: { symbol: string; interval: BarInterval; pageSize?: number }): Promise<BackfillResult> {
  const pipeline = new FeaturePipeline();
  const pageSize = params.pageSize ?? 5000;
  const result: BackfillResult = { bars: 0, vectors: 0, written: 0 };
  let after: Date | null = null;
  for (;;) {
    const where = [eq(bars.symbol, params.symbol), eq(bars.interval, params.interval)];
    if (after) where.push(gt(bars.openTime, after));
    const page = await db.select().from(bars).where(and(...where))
      .orderBy(asc(bars.openTime)).limit(pageSize);
    if (page.length === 0) return result;
    const vectors = page.flatMap((row) => pipeline.update({ ...row, openTime: row.openTime.getTime() }) ?? []);
    result.bars += page.length;
    result.vectors += vectors.length;
    result.written += await upsertFeatureVectors(db, { symbol: params.symbol, interval: params.interval, version: pipeline.featureSet.version, vectors });
    after = page[page.length - 1].openTime;
  }
}
