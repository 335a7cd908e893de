import { Decimal } from "decimal.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RedisBus } from "@/lib/bus/redis-bus";
import { COMMANDS, type SubmitOrderCommand } from "@/lib/engine/commands";
import type { LiveVenueView } from "@/lib/engine/live/live-venues";
import { startFakeBybit, type FakeBybit } from "../support/fake-bybit";
import { createTestDatabase, eventually, REDIS_URL, requireRedis, type TestDatabase } from "./support/infrastructure";
import { splitEnv, startWorker } from "./support/launch";
import { type ServiceProcess, stopAllServices } from "./support/service-process";

// The worker trades BTCUSDT live on a local Bybit and is killed with SIGKILL at the two moments that matter: after
// the order is persisted but before it is sent, and after the venue accepted it but before the acknowledgement is
// stored; plus at random moments while orders flow. After each restart the venue holds exactly one order per order
// we persisted, none for orders we never persisted, and our position is the venue's.
const KILL_POINTS = ["after-persist", "after-venue-accept", "random"] as const;
const RUNS_PER_POINT = 5;

let database: TestDatabase;
let fake: FakeBybit;
let bus: RedisBus;
let worker: ServiceProcess | null = null;
let sequence = 0;
const attempted: string[] = [];

const envWith = (failpoints = "") => splitEnv(database.url, {
  TRADING_MODE: "live", ENABLE_LIVE_TRADING: "true", BYBIT_SYMBOLS: "BTCUSDT", BYBIT_REST_URL: fake.restUrl, BYBIT_WS_PRIVATE_URL: fake.privateWsUrl,
  BYBIT_API_KEY: fake.apiKey, BYBIT_API_SECRET: fake.apiSecret, BYBIT_RECV_WINDOW_MS: "1000", STRATEGY_ENABLED: "false", FAILPOINTS: failpoints,
});

async function startAgreed(failpoints = ""): Promise<ServiceProcess> {
  const started = await startWorker(envWith(failpoints));
  await eventually(async () => {
    const { venues } = (await bus.request(COMMANDS.venues, { accountId: "demo" }, 2_000)) as { venues: LiveVenueView[] };
    return venues[0]?.reconciliation.phase === "agreed" ? true : undefined;
  }, 30_000, "the venue reconciled");
  return started;
}

function order(): SubmitOrderCommand {
  sequence += 1;
  const clientOrderId = `kill-${Date.now().toString(36)}-${sequence}`;
  attempted.push(clientOrderId);
  return { clientOrderId, accountId: "demo", symbol: "BTCUSDT", side: sequence % 3 === 0 ? "SELL" : "BUY", type: "MARKET", quantity: "0.001", timeInForce: "GTC", source: "api", actor: "kill-test" };
}

/** Sends orders one after another until the worker is gone; refusals and timeouts are expected around the kill. */
async function sendUntilDead(target: ServiceProcess, max = 20): Promise<void> {
  for (let i = 0; i < max && target.isRunning; i++) await bus.request(COMMANDS.submitOrder, order(), 3_000).catch(() => undefined);
}

async function killedBy(point: (typeof KILL_POINTS)[number]): Promise<void> {
  const nth = 1 + Math.floor(Math.random() * 3);
  if (point === "after-persist") {
    await stopWorker();
    worker = await startAgreed(`order.persisted:${nth}`);
    await sendUntilDead(worker);
  } else if (point === "after-venue-accept") {
    let accepted = 0;
    const target = worker!;
    fake.onOrderAccepted(() => {
      if (++accepted === nth) target.killHard();
    });
    await sendUntilDead(target);
    fake.onOrderAccepted(null);
  } else {
    const target = worker!;
    setTimeout(() => target.killHard(), 200 + Math.random() * 1_300);
    await sendUntilDead(target, 1_000);
  }
  worker!.killHard();
  await worker!.waitForExit(15_000);
  worker = null;
}

async function stopWorker(): Promise<void> {
  if (!worker) return;
  worker.signal("SIGTERM");
  await worker.waitForExit(20_000);
  worker = null;
}

async function expectBooksAgree(when: string): Promise<void> {
  const rows = await eventually(async () => {
    const open = await database.sql<{ n: number }[]>`select count(*)::int as n from orders where venue = 'bybit' and status in ('NEW', 'UNKNOWN')`;
    return open[0]!.n === 0 ? database.sql<{ client_order_id: string; status: string; filled: string }[]>`select client_order_id, status, filled_quantity::text as filled from orders where venue = 'bybit'` : undefined;
  }, 30_000, `${when}: every order settled`);
  const ours = new Map(rows.map((r) => [r.client_order_id, r]));
  const atVenue = new Map<string, number>();
  for (const o of fake.orders()) atVenue.set(o.orderLinkId, (atVenue.get(o.orderLinkId) ?? 0) + 1);
  const wrong = attempted.filter((id) => (atVenue.get(id) ?? 0) !== (ours.has(id) ? 1 : 0))
    .map((id) => `${id}: ${atVenue.get(id) ?? 0} at the venue, ${ours.has(id) ? "persisted" : "never persisted"}`);
  expect(wrong, `${when}: orders at the venue vs orders we persisted`).toEqual([]);
  const unfilled = fake.orders().filter((o) => ours.has(o.orderLinkId) && ours.get(o.orderLinkId)!.filled !== new Decimal(o.cumExecQty).toFixed())
    .map((o) => `${o.orderLinkId}: venue filled ${o.cumExecQty}, ours ${ours.get(o.orderLinkId)!.filled}`);
  expect(unfilled, `${when}: filled quantities`).toEqual([]);
  const venueRow = fake.positions().find((p) => p.symbol === "BTCUSDT");
  const venueQty = venueRow ? new Decimal(String(venueRow.size)).mul(venueRow.side === "Sell" ? -1 : 1) : new Decimal(0);
  const [position] = await database.sql<{ q: string }[]>`select quantity::text as q from positions where account_id = 'demo' and symbol = 'BTCUSDT'`;
  expect(new Decimal(position?.q ?? "0").toFixed(), `${when}: our position is the venue's`).toBe(venueQty.toFixed());
}

describe("live orders survive SIGKILL of the worker at any point", () => {
  beforeAll(async () => {
    await requireRedis();
    database = await createTestDatabase("tf_live_kill");
    fake = await startFakeBybit({ markPrices: { BTCUSDT: "60000.0" } });
    bus = new RedisBus(REDIS_URL);
    worker = await startAgreed();
  }, 120_000);

  afterAll(async () => {
    await bus?.close();
    await stopAllServices();
    await fake?.close();
    await database?.drop();
  });

  it(`keeps exactly one venue order per persisted order through ${KILL_POINTS.length * RUNS_PER_POINT} kills`, async () => {
    for (let run = 0; run < RUNS_PER_POINT; run++) {
      for (const point of KILL_POINTS) {
        const before = attempted.length;
        await killedBy(point);
        expect(attempted.length, `${point}: orders were sent before the kill`).toBeGreaterThan(before);
        worker = await startAgreed();
        await expectBooksAgree(`run ${run + 1}, killed ${point}`);
      }
    }
    const [{ n }] = await database.sql<{ n: number }[]>`select count(*)::int as n from fills where id like 'bybit:%'`;
    expect(n).toBeGreaterThan(0);
  }, 600_000);
});
