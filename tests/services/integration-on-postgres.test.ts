import { Decimal } from "decimal.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPostgres, type DatabaseHandle } from "@/lib/db/client";
import { migrateDatabase } from "@/lib/db/migrate";
import type { Order } from "@/lib/domain/order";
import { COMMANDS } from "@/lib/engine/commands";
import { engineClient, rejectionCode } from "../integration/support/engine-client";
import { type Harness, startHarness, waitFor } from "../integration/support/engine-harness";
import { createTestDatabase, type TestDatabase } from "./support/infrastructure";
import journal from "@/drizzle/meta/_journal.json";

/** Every migration in drizzle/, each applied exactly once. */
const MIGRATION_COUNT = journal.entries.length;

/** The scenarios of tests/integration, on a real PostgreSQL server instead of PGlite: same schema, same engine. */
let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase("tf_intpg");
});
afterAll(async () => database?.drop());

const ORDER_INSERT = `insert into orders (id, client_order_id, account_id, symbol, side, type, time_in_force, quantity, status, venue, source, created_at, updated_at)
  values (gen_random_uuid(), 'abc', 'demo', 'BTCUSDT', 'BUY', 'MARKET', 'GTC', '1', 'NEW', 'paper', 'api', now(), now())`;

describe("migrations on PostgreSQL", () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await createPostgres(database.url, 2);
  });
  afterAll(async () => handle?.close());

  it("create every table, and a second run changes nothing and keeps the data", async () => {
    await migrateDatabase(handle);
    await handle.query(ORDER_INSERT);
    await migrateDatabase(handle);
    const tables = (await handle.query<{ table_name: string }>(
      "select table_name from information_schema.tables where table_schema = 'public' order by 1",
    )).map((r) => r.table_name);
    expect(tables).toEqual(expect.arrayContaining([
      "instruments", "ticks", "bars", "orders", "order_events", "fills", "positions", "accounts",
      "account_snapshots", "signals", "risk_state", "risk_events", "audit_log", "users", "heartbeats",
    ]));
    const [applied] = await handle.query<{ n: number }>("select count(*)::int as n from drizzle.__drizzle_migrations");
    expect(applied!.n).toBe(MIGRATION_COUNT);
    const [orders] = await handle.query<{ n: number }>("select count(*)::int as n from orders");
    expect(orders!.n).toBe(1);
  });

  it("refuses a second order with the same account and client order id", async () => {
    await expect(handle.query(ORDER_INSERT)).rejects.toThrow(/orders_account_client_order_id_uq/);
    const [other] = await handle.query<{ n: number }>(
      "with i as (" + ORDER_INSERT.replace("'demo'", "'other'") + " returning 1) select count(*)::int as n from i",
    );
    expect(other!.n).toBe(1);
  });

  it("keeps money exact in numeric columns", async () => {
    await handle.query("insert into accounts (id, currency, initial_cash, cash) values ('exact', 'USDT', '100000', '100000.1234567890123456789012')");
    const [row] = await handle.query<{ cash: string }>("select cash::text as cash from accounts where id = 'exact'");
    expect(row!.cash).toBe("100000.1234567890123456789012");
  });

  it("leaves ticks and bars plain tables when TimescaleDB is not installed (the guarded migration is a no-op)", async () => {
    const [available] = await handle.query<{ n: number }>("select count(*)::int as n from pg_available_extensions where name = 'timescaledb'");
    const [installed] = await handle.query<{ n: number }>("select count(*)::int as n from pg_extension where extname = 'timescaledb'");
    const kinds = await handle.query<{ relname: string; relkind: string }>("select relname, relkind::text from pg_class where relname in ('ticks', 'bars') and relnamespace = 'public'::regnamespace order by relname");
    if (available!.n === 0) {
      expect(installed!.n).toBe(0);
      expect(kinds).toEqual([{ relname: "bars", relkind: "r" }, { relname: "ticks", relkind: "r" }]);
    } else {
      // On a server with the extension the same migration must have turned both into hypertables.
      expect(installed!.n).toBe(1);
      const hypertables = await handle.query<{ hypertable_name: string }>("select hypertable_name from timescaledb_information.hypertables order by 1");
      expect(hypertables.map((h) => h.hypertable_name)).toEqual(["bars", "ticks"]);
    }
  });
});

describe("the trading path on PostgreSQL (the integration harness on a PostgreSQL handle)", () => {
  let h: Harness;

  beforeAll(async () => {
    // A clean schema: the migration tests above left rows behind.
    await database.sql`drop schema public cascade`;
    await database.sql`drop schema if exists drizzle cascade`;
    await database.sql`create schema public`;
    h = await startHarness({}, await createPostgres(database.url));
    await waitFor(() => h.engine.ticksProcessed() > 20, "first ticks");
  });
  afterAll(async () => h?.close());

  const { submit, request, row } = engineClient(() => h);

  it("runs on the postgres driver", () => {
    expect(h.services.database.driver).toBe("postgres");
  });

  it("fills a market order, persists the fill once and moves cash by notional plus fee exactly", async () => {
    const order = await submit({ clientOrderId: "mkt-1" });
    expect(order.status).toBe("FILLED");
    const fill = await row<{ quantity: string; price: string; fee: string }>("select quantity::text, price::text, fee::text from fills where client_order_id = 'mkt-1'");
    const account = await row<{ cash: string; fees: string }>("select cash::text, fees::text from accounts where id = 'demo'");
    expect(new Decimal(account.cash).eq(new Decimal(100000).sub(new Decimal(fill.quantity).mul(fill.price)).sub(fill.fee))).toBe(true);
    expect(new Decimal(account.fees).eq(fill.fee)).toBe(true);
    expect(new Decimal(fill.fee).eq(new Decimal(fill.quantity).mul(fill.price).mul(5).div(10_000))).toBe(true);
    const position = await row<{ quantity: string }>("select quantity::text from positions where symbol = 'BTCUSDT'");
    expect(new Decimal(position.quantity).eq("0.01")).toBe(true);
  });

  it("answers concurrent submits of one client order id with one order and one fill", async () => {
    const replies = await Promise.all(Array.from({ length: 8 }, () => submit({ clientOrderId: "idem-race", quantity: "0.02" })));
    expect(new Set(replies.map((o) => o.id)).size).toBe(1);
    const again = await submit({ clientOrderId: "idem-race", quantity: "0.05" });
    expect(again.id).toBe(replies[0]!.id);
    expect(again.quantity).toBe("0.02");
    expect((await row<{ n: number }>("select count(*)::int as n from orders where client_order_id = 'idem-race'")).n).toBe(1);
    expect((await row<{ n: number }>("select count(*)::int as n from fills where client_order_id = 'idem-race'")).n).toBe(1);
  });

  it("rests a limit order away from the market and cancels it, journaling each step", async () => {
    const resting = await submit({ clientOrderId: "lim-1", type: "LIMIT", price: "30000" });
    expect(resting.status).toBe("ACCEPTED");
    const canceled = await request<Order>(COMMANDS.cancelOrder, { accountId: "demo", orderId: resting.id, actor: "test" });
    expect(canceled.status).toBe("CANCELED");
    expect((await row<{ status: string }>("select status from orders where id = $1", [resting.id])).status).toBe("CANCELED");
    const events = await h.services.database.query<{ event: string }>("select event from order_events where order_id = $1 order by id", [resting.id]);
    expect(events.map((e) => e.event)).toEqual(["NEW", "ACCEPTED", "CANCELED"]);
  });

  it("refuses orders past the limits with reason codes, and records each refusal", async () => {
    expect(await rejectionCode(submit({ quantity: "2" }))).toBe("MAX_ORDER_NOTIONAL");
    expect(await rejectionCode(submit({ symbol: "DOGEUSDT" }))).toBe("UNKNOWN_SYMBOL");
    expect(await rejectionCode(submit({ quantity: "0.00001" }))).toBe("INVALID_QUANTITY");
    const codes = await waitFor(async () => {
      const rows = await h.services.database.query<{ code: string }>("select distinct code from risk_events order by code");
      return rows.length >= 3 ? rows.map((r) => r.code) : undefined;
    }, "three risk events");
    expect(codes).toEqual(["INVALID_QUANTITY", "MAX_ORDER_NOTIONAL", "UNKNOWN_SYMBOL"]);
  });

  it("halts on the kill switch: open orders canceled, new orders refused, state kept across a restart", async () => {
    const resting = await submit({ clientOrderId: "lim-kill", type: "LIMIT", price: "30000" });
    expect((await request<{ state: string }>(COMMANDS.killSwitch, { accountId: "demo", engaged: true, actor: "test" })).state).toBe("HALTED");
    expect((await row<{ status: string }>("select status from orders where id = $1", [resting.id])).status).toBe("CANCELED");
    expect(await rejectionCode(submit({}))).toBe("KILL_SWITCH_ACTIVE");
    await h.restart();
    expect(await rejectionCode(submit({}))).toBe("KILL_SWITCH_ACTIVE");
    expect((await request<{ state: string }>(COMMANDS.killSwitch, { accountId: "demo", engaged: false, actor: "test" })).state).toBe("ACTIVE");
    const audit = await h.services.database.query<{ action: string }>("select action from audit_log where action like 'risk.%' order by id");
    expect(audit.map((a) => a.action)).toEqual(["risk.kill", "risk.rearm"]);
  });

  it("restores resting orders, positions and cash after a restart", async () => {
    await waitFor(() => h.engine.ticksProcessed() > 5, "ticks after restart");
    const resting = await submit({ clientOrderId: "lim-restart", type: "LIMIT", price: "31000" });
    const books = "select a.cash::text as cash, p.quantity::text as q from accounts a join positions p on p.account_id = a.id where p.symbol = 'BTCUSDT'";
    const before = await row<{ cash: string; q: string }>(books);
    await h.restart();
    expect(await row<{ cash: string; q: string }>(books)).toEqual(before);
    const canceled = await request<Order>(COMMANDS.cancelOrder, { accountId: "demo", orderId: resting.id, actor: "test" });
    expect(canceled.status).toBe("CANCELED");
  });
});
