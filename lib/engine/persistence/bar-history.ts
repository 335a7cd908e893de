import { and, desc, eq, lt } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { barFromRow } from "@/lib/db/mappers";
import { bars } from "@/lib/db/schema";
import type { Bar, BarInterval } from "@/lib/domain/market-data";

export async function listBarsBefore(db: Database, params: { symbol: string; interval: BarInterval; before: number; limit: number }): Promise<Bar[]> {
  const rows = await db.select().from(bars)
    .where(and(eq(bars.symbol, params.symbol), eq(bars.interval, params.interval), lt(bars.openTime, new Date(params.before))))
    .orderBy(desc(bars.openTime)).limit(params.limit);
  return rows.reverse().map(barFromRow);
}
