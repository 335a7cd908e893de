import type { Database } from "@/lib/db/client";
import { bars } from "@/lib/db/schema";
import type { BarInterval } from "@/lib/domain/market-data";
import type { Ohlcv } from "@/lib/domain/market-data";

/** Stores bars as the engine's bar writer does, so backfill reads them from the `bars` table. */
export async function storeBars(db: Database, symbol: string, interval: BarInterval, series: readonly Ohlcv[]): Promise<void> {
  for (let start = 0; start < series.length; start += 500) {
    await db.insert(bars).values(series.slice(start, start + 500).map((b) => ({ ...b, symbol, interval, openTime: new Date(b.openTime), trades: 1 })));
  }
}
