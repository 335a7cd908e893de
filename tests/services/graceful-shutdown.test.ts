import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { createTestDatabase, requireRedis, sleep, type TestDatabase } from "./support/infrastructure";
import { splitEnv, startWorker } from "./support/launch";
import { stopAllServices } from "./support/service-process";

// Many ticks, flushed rarely and never by size: at the signal, seconds of ticks sit only in the worker's memory.
const SLOW_FLUSH_ENV = { SIM_TICKS_PER_SECOND: "500", TICK_FLUSH_MS: "2000", TICK_BATCH_SIZE: "100000", STRATEGY_ENABLED: "false" };
const FINAL_LINE = "engine stopped; buffered ticks flushed";

const finalLineSchema = z.object({
  ticksProcessed: z.number().int(),
  ticks: z.object({ buffered: z.number(), written: z.number(), dropped: z.number(), failures: z.number() }),
});

let database: TestDatabase | undefined;

async function storedTicks(db: TestDatabase): Promise<number> {
  const [row] = await db.sql<{ n: number }[]>`select count(*)::int as n from ticks`;
  return row!.n;
}

describe("graceful shutdown: no buffered tick is lost", () => {
  beforeAll(requireRedis);

  afterEach(async () => {
    await stopAllServices();
    await database?.drop();
    database = undefined;
  });

  afterAll(stopAllServices);

  it.each(["SIGTERM", "SIGINT"] as const)("%s flushes every tick the engine processed, each symbol's seq gap-free", async (signal) => {
    const db = await createTestDatabase("tf_shutdown");
    database = db;
    const worker = await startWorker(splitEnv(db.url, SLOW_FLUSH_ENV));
    await sleep(3_000);

    const storedBeforeSignal = await storedTicks(db);
    worker.signal(signal);
    const exit = await worker.waitForExit(20_000);
    expect(exit, worker.tail()).toEqual({ code: 0, signal: null });

    const final = finalLineSchema.parse(await worker.waitForLog(FINAL_LINE, 1_000));
    expect(final.ticks).toMatchObject({ buffered: 0, dropped: 0 });
    expect(final.ticksProcessed).toBeGreaterThan(1_000);
    // Proof the scenario is real: a good part of the ticks reached the database only during the shutdown.
    expect(final.ticksProcessed).toBeGreaterThan(storedBeforeSignal);

    expect(await storedTicks(db)).toBe(final.ticksProcessed);
    const perSymbol = await db.sql<{ symbol: string; rows: number; first: number; last: number; distinct: number }[]>`
      select symbol, count(*)::int as rows, min(seq)::int as first, max(seq)::int as last, count(distinct seq)::int as distinct
      from ticks group by symbol order by symbol`;
    expect(perSymbol.map((s) => s.symbol)).toEqual(["BTCUSDT", "ETHUSDT"]);
    for (const s of perSymbol) expect(s, `seq of ${s.symbol}`).toEqual({ symbol: s.symbol, rows: s.rows, first: 1, last: s.rows, distinct: s.rows });
  });
});
