import { describe, expect, it } from "vitest";
import { createPglite } from "@/lib/db/client";
import { migrateDatabase } from "@/lib/db/migrate";

describe("migrations on PGlite", () => {
  it("create every table, twice without error, and enforce unique client order ids", async () => {
    const handle = await createPglite();
    await migrateDatabase(handle);
    await migrateDatabase(handle);
    const tables = (await handle.query<{ table_name: string }>(
      "select table_name from information_schema.tables where table_schema = 'public' order by 1",
    )).map((r) => r.table_name);
    expect(tables).toEqual(expect.arrayContaining([
      "instruments", "ticks", "bars", "orders", "order_events", "fills", "positions", "accounts",
      "account_snapshots", "signals", "risk_state", "risk_events", "audit_log", "users", "heartbeats",
    ]));
    const insert = "insert into orders (id, client_order_id, account_id, symbol, side, type, time_in_force, quantity, status, venue, source, created_at, updated_at) values (gen_random_uuid(), 'abc', 'demo', 'BTCUSDT', 'BUY', 'MARKET', 'GTC', '1', 'NEW', 'paper', 'api', now(), now())";
    await handle.query(insert);
    await expect(handle.query(insert)).rejects.toThrow(/orders_account_client_order_id_uq|duplicate/);
    const [cash] = await handle.query<{ v: string }>("select '100000.1234567890123456789012'::numeric::text as v");
    expect(cash.v).toBe("100000.1234567890123456789012");
    await handle.close();
  });
});
