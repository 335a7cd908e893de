import { sql } from "drizzle-orm";
import type { Logger } from "pino";
import type { Config } from "@/lib/config";
import type { Database } from "@/lib/db/client";
import { barToRow } from "@/lib/db/mappers";
import { bars, ticks } from "@/lib/db/schema";
import type { Bar, BarInterval, Tick } from "@/lib/domain/market-data";
import { upsertFeatureVectors } from "@/lib/features/feature-store";
import type { LiveFeatureVector } from "@/lib/features/live-features";
import { timedWrite } from "@/lib/metrics/infrastructure";
import { BatchWriter } from "./persistence/batch-writer";

/** Ticks, closed bars and their feature vectors go to the database in multi-row batches, never a row per insert. */
export function createMarketWriters(db: Database, config: Config, log: Logger) {
  const onError = (name: string) => (error: unknown, buffered: number) => log.warn({ err: error, buffered }, `${name} batch write failed; keeping rows for the next attempt`);
  const tickWriter = new BatchWriter<Tick>({
    name: "ticks",
    batchSize: config.TICK_BATCH_SIZE,
    flushMs: config.TICK_FLUSH_MS,
    maxBuffered: config.TICK_BUFFER_MAX,
    onError: onError("tick"),
    write: timedWrite("ticks", async (batch) => {
      await db.insert(ticks).values(batch.map((t) => ({ symbol: t.symbol, ts: new Date(t.ts), seq: t.seq, price: String(t.price), size: String(t.size), side: t.side })))
        .onConflictDoNothing();
    }),
  });
  const barWriter = new BatchWriter<Bar>({
    name: "bars",
    batchSize: 200,
    flushMs: config.TICK_FLUSH_MS,
    maxBuffered: 50_000,
    onError: onError("bar"),
    write: timedWrite("bars", async (batch) => {
      await db.insert(bars).values(batch.map(barToRow)).onConflictDoUpdate({
        target: [bars.symbol, bars.interval, bars.openTime],
        set: { open: sql`excluded.open`, high: sql`excluded.high`, low: sql`excluded.low`, close: sql`excluded.close`, volume: sql`excluded.volume`, trades: sql`excluded.trades` },
      });
    }),
  });
  const featureWriter = new BatchWriter<LiveFeatureVector>({
    name: "features",
    batchSize: 200,
    flushMs: 1_000,
    maxBuffered: 50_000,
    onError: onError("feature"),
    write: timedWrite("features", async (batch) => {
      for (const group of groupBySeries(batch)) await upsertFeatureVectors(db, { ...group.key, vectors: group.vectors });
    }),
  });
  return { tickWriter, barWriter, featureWriter };
}

function groupBySeries(batch: readonly LiveFeatureVector[]) {
  const groups = new Map<string, { key: { symbol: string; interval: BarInterval; version: string }; vectors: LiveFeatureVector["vector"][] }>();
  for (const { key, vector } of batch) {
    const id = `${key.symbol}|${key.interval}|${key.version}`;
    let group = groups.get(id);
    if (!group) groups.set(id, (group = { key, vectors: [] }));
    group.vectors.push(vector);
  }
  return groups.values();
}
