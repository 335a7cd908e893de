import { asc } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { plain } from "@/lib/db/mappers";
import { instruments } from "@/lib/db/schema";
import type { Instrument } from "@/lib/domain/instrument";

export async function listInstruments(db: Database): Promise<Instrument[]> {
  const rows = await db.select().from(instruments).orderBy(asc(instruments.symbol));
  return rows.map((r) => ({ symbol: r.symbol, baseAsset: r.baseAsset, quoteAsset: r.quoteAsset, tickSize: plain(r.tickSize), lotSize: plain(r.lotSize), minQty: plain(r.minQty), venue: r.venue }));
}
