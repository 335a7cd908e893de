import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPglite, type DatabaseHandle } from "@/lib/db/client";
import { migrateDatabase } from "@/lib/db/migrate";
import { tickRetentionJob } from "@/lib/jobs/tick-retention";

const HOUR = 3_600_000;
const MINUTE = 60_000;
const ctx = { progress: async () => undefined };

let database: DatabaseHandle;

beforeAll(async () => {
  database = await createPglite();
  await migrateDatabase(database);
});
afterAll(async () => database?.close());

const tick = (ts: number, seq: number, price: number, size = 1) =>
  database.query("insert into ticks (symbol, ts, seq, price, size, side) values ('BTCUSDT', $1, $2, $3, $4, 'buy')", [new Date(ts).toISOString(), seq, price, size]);
const bars = () => database.query<{ open_time: Date; open: number; high: number; low: number; close: number; volume: number; trades: number }>(
  "select open_time, open, high, low, close, volume, trades from bars where symbol = 'BTCUSDT' and interval = '1m' order by open_time");

describe("tick retention with compaction", () => {
  it("builds the missing 1m bars from old ticks, keeps bars that exist, deletes the old ticks, and changes nothing when run again", async () => {
    const oldMinute = Math.floor((Date.now() - 100 * HOUR) / MINUTE) * MINUTE;
    const recordedMinute = oldMinute + 5 * MINUTE;
    // An old minute the engine never recorded as a bar: four ticks, inserted out of order.
    await tick(oldMinute + 40_000, 3, 103, 2);
    await tick(oldMinute + 1_000, 1, 100);
    await tick(oldMinute + 20_000, 2, 99);
    await tick(oldMinute + 50_000, 4, 101, 0.5);
    // An old minute whose bar the engine recorded live: that bar stays as it is.
    await database.query("insert into bars (symbol, interval, open_time, open, high, low, close, volume, trades) values ('BTCUSDT', '1m', $1, 50, 60, 40, 55, 9, 9)", [new Date(recordedMinute).toISOString()]);
    await tick(recordedMinute + 1_000, 5, 500);
    // Inside the window: kept, and no bar is built from it.
    await tick(Date.now() - 10 * HOUR, 6, 200);

    const job = tickRetentionJob(database);
    expect(await job.run({ retentionHours: 72 }, ctx)).toMatchObject({ barsBuilt: 1, deleted: 5 });
    expect(await bars()).toEqual([
      { open_time: new Date(oldMinute), open: 100, high: 103, low: 99, close: 101, volume: 4.5, trades: 4 },
      { open_time: new Date(recordedMinute), open: 50, high: 60, low: 40, close: 55, volume: 9, trades: 9 },
    ]);
    const left = await database.query<{ seq: number }>("select seq::int as seq from ticks order by seq");
    expect(left.map((r) => r.seq)).toEqual([6]);

    const before = await bars();
    expect(await job.run({ retentionHours: 72 }, ctx)).toMatchObject({ barsBuilt: 0, deleted: 0 });
    expect(await bars()).toEqual(before);
  });

  it("prunes job run records older than 30 days, keeping recent ones", async () => {
    for (const days of [40, 2]) {
      await database.query("insert into job_runs (name, trigger, status, started_at) values ('old-and-new', 'schedule', 'succeeded', $1)", [new Date(Date.now() - days * 24 * HOUR).toISOString()]);
    }
    expect(await tickRetentionJob(database).run({ retentionHours: 72 }, ctx)).toMatchObject({ jobRunsPruned: 1 });
    const left = await database.query<{ age: number }>("select round(extract(epoch from now() - started_at) / 86400)::int as age from job_runs where name = 'old-and-new'");
    expect(left.map((r) => r.age)).toEqual([2]);
  });
});
