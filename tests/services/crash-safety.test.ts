import { randomBytes } from "node:crypto";
import { Decimal } from "decimal.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RedisBus } from "@/lib/bus/redis-bus";
import { createTestDatabase, eventually, REDIS_URL, requireRedis, sleep, type TestDatabase } from "./support/infrastructure";
import { splitEnv, startWorker } from "./support/launch";
import { type LedgerSnapshot, readLedger } from "./support/ledger";
import { type AckedOrder, OrderFirehose } from "./support/order-firehose";
import { type ServiceProcess, stopAllServices } from "./support/service-process";

const ACCOUNT = "demo";
const CYCLES = 3;

let database: TestDatabase;
let env: Record<string, string>;
let worker: ServiceProcess;
let bus: RedisBus;
let firehose: OrderFirehose;

/** The books after a crash: nothing acknowledged is lost or doubled, and every number follows from the fills. */
function expectBooksBalance(ledger: LedgerSnapshot, acked: ReadonlyMap<string, AckedOrder>, when: string): void {
  const stored = new Map(ledger.orders.map((o) => [o.clientOrderId, o]));
  const lost = [...acked.values()].filter((a) => stored.get(a.command.clientOrderId)?.id !== a.reply.id).map((a) => a.command.clientOrderId);
  expect(lost, `${when}: acknowledged orders missing, or stored under another id`).toEqual([]);
  const unfilled = [...acked.values()]
    .filter((a) => new Decimal(stored.get(a.command.clientOrderId)?.filledQuantity ?? "0").lt(a.reply.filledQuantity))
    .map((a) => `${a.command.clientOrderId}: acknowledged ${a.reply.filledQuantity}, stored ${stored.get(a.command.clientOrderId)?.filledQuantity}`);
  expect(unfilled, `${when}: acknowledged fills that were lost`).toEqual([]);
  expect(ledger.duplicateClientOrderIds, `${when}: client order ids stored twice`).toEqual([]);
  expect(ledger.positionMismatches, `${when}: positions that are not the sum of their fills`).toEqual([]);
  expect(ledger.cash.stored, `${when}: cash = initial - buys + sells - fees`).toBe(ledger.cash.fromFills);
  expect(ledger.fees.stored, `${when}: fees = sum of fill fees`).toBe(ledger.fees.fromFills);
  expect(ledger.filledQuantityMismatches, `${when}: orders whose filled quantity is not the sum of their fills`).toEqual([]);
  expect(ledger.orphanFills, `${when}: fills without their order`).toEqual([]);
}

describe("crash safety: SIGKILL of the worker while orders flow", () => {
  beforeAll(async () => {
    await requireRedis();
    database = await createTestDatabase("tf_crash");
    env = splitEnv(database.url);
    worker = await startWorker(env);
    bus = new RedisBus(REDIS_URL);
    firehose = new OrderFirehose(bus, randomBytes(3).toString("hex"), ACCOUNT);
    await firehose.watchPrices();
  }, 120_000);

  afterAll(async () => {
    await firehose?.close();
    await bus?.close();
    await stopAllServices();
    await database?.drop();
  });

  it(`keeps every acknowledged order, fill and cent through ${CYCLES} kill -9 and restart cycles`, async () => {
    for (let cycle = 1; cycle <= CYCLES; cycle++) {
      firehose.cycle = cycle;
      firehose.start(3);
      await sleep(2_000 + Math.random() * 2_000);
      worker.killHard();
      expect((await worker.waitForExit(10_000)).signal).toBe("SIGKILL");
      await firehose.stop();
      expectBooksBalance(await readLedger(database.sql, ACCOUNT), firehose.acked, `cycle ${cycle}, right after the kill`);

      worker = await startWorker(env);
      await sleep(1_500);
      const fillsBeforeFresh = (await readLedger(database.sql, ACCOUNT)).fillCount;
      // A new fill after the restart must be accounted on top of the restored books, not on a stale copy.
      const freshCommand = firehose.marketCommand("ETHUSDT", "BUY", "0.01");
      const reply = await eventually(() => firehose.submit(freshCommand), 10_000, "a MARKET order to fill after the restart");
      expect(reply.status).toBe("FILLED");
      firehose.acked.set(freshCommand.clientOrderId, { command: freshCommand, reply, cycle });
      const afterRestart = await readLedger(database.sql, ACCOUNT);
      expect(afterRestart.fillCount).toBeGreaterThan(fillsBeforeFresh);
      expectBooksBalance(afterRestart, firehose.acked, `cycle ${cycle}, after the restart`);
    }

    const acked = [...firehose.acked.values()];
    const ledger = await readLedger(database.sql, ACCOUNT);
    // The run really exercised what it claims: both sides, both types, resting fills, the strategy, and kills mid-request.
    expect(acked.length).toBeGreaterThan(30);
    expect(new Set(acked.map((a) => `${a.command.type}:${a.command.side}`))).toEqual(new Set(["MARKET:BUY", "MARKET:SELL", "LIMIT:BUY", "LIMIT:SELL"]));
    expect(ledger.orders.some((o) => o.source === "strategy" && o.filledQuantity !== "0")).toBe(true);
    expect(firehose.unanswered).toBeGreaterThan(0);
  });

  it("answers a client order id acknowledged before a kill with the original order, and adds no fill", async () => {
    const original = [...firehose.acked.values()].find((a) => a.cycle === 1 && a.command.type === "MARKET" && a.reply.status === "FILLED");
    expect(original, "a MARKET order filled in the first cycle").toBeDefined();
    const { command, reply } = original!;
    const before = await readLedger(database.sql, ACCOUNT);
    const fillsBefore = before.fillsByOrder.get(reply.id);
    expect(fillsBefore).toBeGreaterThan(0);

    const again = await firehose.submit(command);
    expect(again.id).toBe(reply.id);
    expect(again.status).toBe("FILLED");
    expect(again.filledQuantity).toBe(reply.filledQuantity);
    await sleep(1_000);

    const after = await readLedger(database.sql, ACCOUNT);
    expect(after.fillsByOrder.get(reply.id)).toBe(fillsBefore);
    expect(after.orders.filter((o) => o.clientOrderId === command.clientOrderId)).toHaveLength(1);
    expectBooksBalance(after, firehose.acked, "after the re-submission");
  });

  it("comes back after a crash between a MARKET order's acceptance and its fill (a chosen kill point)", async () => {
    worker.killHard();
    await worker.waitForExit(10_000);
    // What the journal holds when the kill lands after the ACCEPTED transaction and before the FILL one.
    const [order] = await database.sql<{ id: string }[]>`
      insert into orders (id, client_order_id, account_id, symbol, side, type, time_in_force, quantity, status, filled_quantity, venue, source, created_at, updated_at)
      values (gen_random_uuid(), 'crash-accepted-market', ${ACCOUNT}, 'ETHUSDT', 'BUY', 'MARKET', 'GTC', 0.01, 'ACCEPTED', 0, 'paper', 'api', now(), now())
      returning id::text as id`;
    await database.sql`insert into order_events (order_id, event, status, ts) values (${order!.id}, 'NEW', 'NEW', now()), (${order!.id}, 'ACCEPTED', 'ACCEPTED', now())`;

    worker = await startWorker(env);
    const [stored] = await database.sql<{ status: string; filled: string }[]>`select status, trim_scale(filled_quantity)::text as filled from orders where id = ${order!.id}`;
    // The in-process venue restarted empty: the order cannot be working any more, and it was never filled.
    expect(stored).toEqual({ status: "CANCELED", filled: "0" });
    const fresh = firehose.marketCommand("ETHUSDT", "SELL", "0.01");
    const reply = await eventually(() => firehose.submit(fresh), 10_000, "a MARKET order to fill after the restart");
    expect(reply.status).toBe("FILLED");
    firehose.acked.set(fresh.clientOrderId, { command: fresh, reply, cycle: CYCLES + 1 });
    expectBooksBalance(await readLedger(database.sql, ACCOUNT), firehose.acked, "after the chosen-point restart");
  });
});
