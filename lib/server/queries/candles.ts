import { and, desc, eq, gte, lte, type SQL } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { barFromRow } from "@/lib/db/mappers";
import { bars } from "@/lib/db/schema";
import type { Bar, BarInterval } from "@/lib/domain/market-data";

export interface ListCandlesParams {
  symbol: string;
  interval: BarInterval;
  from?: number;
  to?: number;
  limit: number;
}

/** Closed bars in time order: the most recent `limit` within [from, to]. */
export async function listCandles(db: Database, params: ListCandlesParams): Promise<Bar[]> {
  const where: SQL[] = [eq(bars.symbol, params.symbol), eq(bars.interval, params.interval)];
  if (params.from !== undefined) where.push(gte(bars.openTime, new Date(params.from)));
  if (params.to !== undefined) where.push(lte(bars.openTime, new Date(params.to)));
  const rows = await db.select().from(bars).where(and(...where)).orderBy(desc(bars.openTime)).limit(params.limit);
  return rows.reverse().map(barFromRow);
}
