import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPglite, type DatabaseHandle } from "@/lib/db/client";
import { migrateDatabase } from "@/lib/db/migrate";
import { tickRetentionJob } from "@/lib/jobs/tick-retention";

let database: DatabaseHandle;

beforeAll(async () => {
  database = await createPglite();
  await migrateDatabase(database);
});
afterAll(async () => database?.close());

describe("tick retention", () => {
  it("deletes ticks older than the window, keeps the rest, and changes nothing when run again", async () => {
    const hour = 3_600_000;
    const now = Date.now();
    for (const [seq, age] of [[1, 100 * hour], [2, 80 * hour], [3, 10 * hour], [4, 0]] as const) {
      await database.query("insert into ticks (symbol, ts, seq, price, size, side) values ('BTCUSDT', $1, $2, 1, 1, 'buy')", [new Date(now - age).toISOString(), seq]);
    }
    const job = tickRetentionJob(database);
    expect(await job.run({ retentionHours: 72 }, { progress: async () => undefined })).toMatchObject({ deleted: 2 });
    expect(await job.run({ retentionHours: 72 }, { progress: async () => undefined })).toMatchObject({ deleted: 0 });
    const left = await database.query<{ seq: number }>("select seq::int as seq from ticks order by seq");
    expect(left.map((r) => r.seq)).toEqual([3, 4]);
  });
});
