import type { Database } from "@/lib/db/client";
import type { Bar, BarInterval } from "@/lib/domain/market-data";
import { listBarsBefore } from "./persistence/bar-history";

/** Recent closed bars per symbol, oldest first, so strategies restart with warm indicators. */
export async function warmUpHistory(db: Database, symbols: string[], interval: BarInterval, count: number): Promise<Bar[]> {
  const perSymbol = await Promise.all(symbols.map((symbol) => listBarsBefore(db, { symbol, interval, before: Date.now(), limit: count })));
  return perSymbol.flat().sort((a, b) => a.openTime - b.openTime);
}
