import { sql } from "drizzle-orm";
import type { Logger } from "pino";
import type { Config } from "@/lib/config";
import type { Database } from "@/lib/db/client";
import { barToRow } from "@/lib/db/mappers";
import { bars, ticks } from "@/lib/db/schema";
import type { Bar, Tick } from "@/lib/domain/market-data";
import { BatchWriter } from "./persistence/batch-writer";

/** Ticks and closed bars go to the database in multi-row batches, never a row per insert. */
export function createMarketWriters(db: Database, config: Config, log: Logger) {
  const onError = (name: string) => (error: unknown, buffered: number) => log.warn({ err: error, buffered }, `${name} batch write failed; keeping rows for the next attempt`);
  const tickWriter = new BatchWriter<Tick>({
    name: "ticks",
    batchSize: config.TICK_BATCH_SIZE,
    flushMs: config.TICK_FLUSH_MS,
    maxBuffered: config.TICK_BUFFER_MAX,
    onError: onError("tick"),
    write: async (batch) => {
      await db.insert(ticks).values(batch.map((t) => ({ symbol: t.symbol, ts: new Date(t.ts), seq: t.seq, price: String(t.price), size: String(t.size), side: t.side })))
        .onConflictDoNothing();
    },
  });
  const barWriter = new BatchWriter<Bar>({
    name: "bars",
    batchSize: 200,
    flushMs: config.TICK_FLUSH_MS,
    maxBuffered: 50_000,
    onError: onError("bar"),
    write: async (batch) => {
      await db.insert(bars).values(batch.map(barToRow)).onConflictDoUpdate({
        target: [bars.symbol, bars.interval, bars.openTime],
        set: { open: sql`excluded.open`, high: sql`excluded.high`, low: sql`excluded.low`, close: sql`excluded.close`, volume: sql`excluded.volume`, trades: sql`excluded.trades` },
      });
    },
  });
  return { tickWriter, barWriter };
}
