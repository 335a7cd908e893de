import { and, asc, desc, eq, gt, lte } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { bars } from "@/lib/db/schema";
import type { RecordedBar } from "@/lib/market/replay/recording";

/** Bars scored after a version's training data, at most; a week of 1m bars. */
const MAX_OUT_OF_SAMPLE = 10_080;

export interface EvaluationBars {
  /** The bars up to and including `dataTo` that warm the predictor first, then the out-of-sample ones. */
  bars: RecordedBar[];
  /** Index of the first bar after `dataTo`. */
  firstOutOfSample: number;
}

const toRecorded = (row: typeof bars.$inferSelect): RecordedBar =>
  ({ openTime: row.openTime.getTime(), open: row.open, high: row.high, low: row.low, close: row.close, volume: row.volume });

/** A series' stored bars around a version's training end: `context` bars before it and the out-of-sample bars after. */
export async function evaluationBars(db: Database, series: { symbol: string; interval: string; dataTo: Date }, context: number): Promise<EvaluationBars> {
  const same = and(eq(bars.symbol, series.symbol), eq(bars.interval, series.interval));
  const before = await db.select().from(bars).where(and(same, lte(bars.openTime, series.dataTo))).orderBy(desc(bars.openTime)).limit(context);
  const after = await db.select().from(bars).where(and(same, gt(bars.openTime, series.dataTo))).orderBy(asc(bars.openTime)).limit(MAX_OUT_OF_SAMPLE);
  return { bars: [...before.reverse(), ...after].map(toRecorded), firstOutOfSample: before.length };
}
