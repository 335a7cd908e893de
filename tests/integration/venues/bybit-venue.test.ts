import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { parseConfig } from "@/lib/config";
import type { Order } from "@/lib/domain/order";
import { VenueOutcomeUnknown, VenueRejected, type VenueConnectionStatus, type VenueExecution, type VenueHandlers, type VenueOrder } from "@/lib/execution/live-venue";
import { BybitVenue, bybitVenueOptions, testConnection } from "@/lib/venues/bybit";
import { BybitIpBanned } from "@/lib/venues/bybit/rate-pacer";
import { startFakeBybit, type FakeBybit, type FakeBybitOptions } from "@/tests/support/fake-bybit";

class Recorder implements VenueHandlers {
  orders: VenueOrder[] = [];
  executions: VenueExecution[] = [];
  statuses: VenueConnectionStatus[] = [];
  reconnects = 0;
  update = (u: Parameters<VenueHandlers["update"]>[0]) => void (u.kind === "order" ? this.orders.push(u.order) : this.executions.push(u.execution));
  reconnected = () => void this.reconnects++;
  status = (s: VenueConnectionStatus) => void this.statuses.push(s);
}

/** Polls until the condition holds; fails naming what never happened. */
async function until(condition: () => boolean, what: string, limitMs = 5_000): Promise<void> {
  const deadline = Date.now() + limitMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`never happened: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

function order(fields: Partial<Order> = {}): Order {
  const now = Date.now();
  return {
    id: randomUUID(), clientOrderId: randomUUID(), accountId: "demo", symbol: "BTCUSDT", side: "BUY", type: "MARKET", quantity: "0.010",
    timeInForce: "GTC", source: "api", status: "NEW", filledQuantity: "0", averageFillPrice: null, rejectReason: null, venue: "bybit",
    createdAt: now, updatedAt: now, ...fields,
  };
}

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

interface Setup {
  fake: FakeBybit;
  venue: BybitVenue;
  events: Recorder;
}

async function setup(options: { fake?: FakeBybitOptions; apiSecret?: string; now?: () => number; submitTimeoutMs?: number; waitConnected?: boolean } = {}): Promise<Setup> {
  const fake = await startFakeBybit({ now: options.now, ...options.fake });
  cleanups.push(() => fake.close());
  const venue = new BybitVenue({
    restUrl: fake.restUrl, privateWsUrl: fake.privateWsUrl, apiKey: fake.apiKey, apiSecret: options.apiSecret ?? fake.apiSecret, recvWindowMs: 5_000,
    requestTimeoutMs: 2_000, submitTimeoutMs: options.submitTimeoutMs, now: options.now,
    socket: { backoff: { initialMs: 20, maxMs: 100 }, pingIntervalMs: 2_000 },
  });
  const events = new Recorder();
  await venue.start(events);
  cleanups.push(() => venue.stop());
  if (options.waitConnected !== false) await until(() => venue.status().state === "connected" && fake.privateConnections() === 1, "private stream connected");
  return { fake, venue, events };
}

describe("BybitVenue orders against the fake Bybit", () => {
  it("places a market order under its orderLinkId and hears the fill once on the private stream", async () => {
    const { fake, venue, events } = await setup();
    const sent = order({ quantity: "0.010" });
    const accepted = await venue.submit(sent);
    expect(accepted).toMatchObject({ clientOrderId: sent.clientOrderId, status: "ACCEPTED", type: "MARKET", quantity: "0.010" });
    expect(fake.orders().map((o) => o.orderLinkId)).toEqual([sent.clientOrderId]);
    await until(() => events.orders.some((o) => o.status === "FILLED") && events.executions.length === 1, "fill pushed");
    expect(events.executions[0]).toMatchObject({ clientOrderId: sent.clientOrderId, quantity: "0.010", price: "60000.0", liquidity: "TAKER", side: "BUY" });
    expect(await venue.positions()).toEqual([{ symbol: "BTCUSDT", quantity: "0.010", averagePrice: "60000.0" }]);
  });

  it("rests a limit order, fills it in two parts on crossing trades, one execution per execId", async () => {
    const { fake, venue, events } = await setup();
    const sent = order({ type: "LIMIT", price: "59000.5", side: "SELL", quantity: "0.010" });
    fake.setMarkPrice("BTCUSDT", "58000.0");
    expect(await venue.submit(sent)).toMatchObject({ type: "LIMIT", price: "59000.5", status: "ACCEPTED" });
    expect((await venue.openOrders()).map((o) => o.clientOrderId)).toEqual([sent.clientOrderId]);
    fake.trade("BTCUSDT", "59001.0", "0.004");
    expect(await venue.lookup("BTCUSDT", sent.clientOrderId)).toMatchObject({ status: "PARTIALLY_FILLED", filledQuantity: "0.004" });
    fake.trade("BTCUSDT", "59002.0");
    await until(() => events.executions.length === 2, "two executions pushed");
    expect(events.executions.map((e) => [e.quantity, e.price, e.liquidity])).toEqual([["0.004", "59000.5", "MAKER"], ["0.006", "59000.5", "MAKER"]]);
    expect(new Set(events.executions.map((e) => e.execId)).size).toBe(2);
    expect(await venue.lookup("BTCUSDT", sent.clientOrderId)).toMatchObject({ status: "FILLED", filledQuantity: "0.010", averageFillPrice: "59000.5" });
    expect(await venue.openOrders()).toEqual([]);
    expect(await venue.positions()).toEqual([{ symbol: "BTCUSDT", quantity: "-0.010", averagePrice: "59000.5" }]);
  });

  it("sending the same orderLinkId twice leaves one order at Bybit and answers with it", async () => {
    const { fake, venue } = await setup();
    const sent = order({ type: "LIMIT", price: "50000.0" });
    const first = await venue.submit(sent);
    const second = await venue.submit(sent);
    expect(second.venueOrderId).toBe(first.venueOrderId);
    expect(fake.orders()).toHaveLength(1);
  });

  it("amends price and quantity, cancels, and a second cancel reports the order's final state", async () => {
    const { fake, venue, events } = await setup();
    const sent = order({ type: "LIMIT", price: "50000.0", quantity: "0.010" });
    await venue.submit(sent);
    expect(await venue.amend(sent, { price: "50100.5" })).toMatchObject({ price: "50100.5", quantity: "0.010" });
    expect(await venue.amend(sent, { quantity: "0.020" })).toMatchObject({ price: "50100.5", quantity: "0.020" });
    expect(await venue.cancel(sent)).toMatchObject({ status: "CANCELED", clientOrderId: sent.clientOrderId });
    expect(await venue.cancel(sent)).toMatchObject({ status: "CANCELED" });
    expect(fake.orders()[0].orderStatus).toBe("Cancelled");
    await until(() => events.orders.some((o) => o.status === "CANCELED"), "cancel pushed");
    await expect(venue.amend(sent, { price: "1.0" })).rejects.toMatchObject({ code: "110001" });
  });

  it("looks orders up by client id in open/recent orders and in the history; an unknown id is null", async () => {
    const { venue } = await setup({ fake: { realtimeRetentionMs: 0 } });
    const filled = order();
    await venue.submit(filled);
    expect(await venue.lookup("BTCUSDT", filled.clientOrderId)).toMatchObject({ status: "FILLED", filledQuantity: "0.010", averageFillPrice: "60000.0" });
    expect(await venue.lookup("BTCUSDT", randomUUID())).toBeNull();
    expect(await venue.lookup("BTCUSDT", "x".repeat(40))).toBeNull();
  });

  it("lists open orders including one typed into Bybit's UI, positions with shorts, executions since a time, and instruments", async () => {
    const { fake, venue } = await setup();
    const before = Date.now();
    const mine = order({ type: "LIMIT", price: "55000.0" });
    await venue.submit(mine);
    fake.placeManualOrder({ symbol: "ETHUSDT", side: "Sell", orderType: "Limit", qty: "0.50", price: "3500.00" });
    fake.setPosition("ETHUSDT", "-0.5", "3100.25");
    await venue.submit(order({ symbol: "ETHUSDT", quantity: "0.10", side: "SELL" }));
    const open = await venue.openOrders();
    expect(open.map((o) => o.clientOrderId).sort()).toEqual([mine.clientOrderId, null].sort());
    expect(await venue.positions()).toEqual([{ symbol: "ETHUSDT", quantity: "-0.60", averagePrice: "3083.54166667" }]);
    const executions = await venue.executions(before - 1);
    expect(executions.map((e) => [e.symbol, e.quantity, e.price])).toEqual([["ETHUSDT", "0.10", "3000.00"]]);
    expect(await venue.executions(Date.now() + 1)).toEqual([]);
    expect(await venue.instruments(["BTCUSDT"])).toEqual([{ symbol: "BTCUSDT", baseAsset: "BTC", quoteAsset: "USDT", tickSize: "0.1", lotSize: "0.001", minQty: "0.001", venue: "bybit" }]);
    await expect(venue.instruments(["NOPEUSDT"])).rejects.toThrow(/no linear instrument NOPEUSDT/);
  });

  it("refuses, unsent, an order Bybit could not take, and passes Bybit's own refusals on with their retCode", async () => {
    const { fake, venue } = await setup();
    await expect(venue.submit(order({ type: "STOP", price: "1.0" }))).rejects.toMatchObject({ code: "INVALID_ORDER" });
    await expect(venue.submit(order({ clientOrderId: "has spaces" }))).rejects.toMatchObject({ code: "INVALID_ORDER" });
    expect(fake.requests().filter((r) => r.path === "/v5/order/create")).toHaveLength(0);
    const refusal = await venue.submit(order({ quantity: "0.0005" })).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(VenueRejected);
    expect(refusal).toMatchObject({ code: "10001", message: expect.stringContaining("retCode 10001") });
  });
});

describe("BybitVenue private stream", () => {
  it("delivers each execution exactly once across a stream drop and the REST catch-up", async () => {
    const { fake, venue, events } = await setup();
    await venue.submit(order({ quantity: "0.010" }));
    const resting = order({ type: "LIMIT", price: "59000.0", quantity: "0.020" });
    await venue.submit(resting);
    await until(() => events.executions.length === 1, "first fill pushed");
    fake.acceptPrivateStream(false);
    fake.dropPrivateStream();
    await until(() => venue.status().state !== "connected", "stream seen down");
    fake.trade("BTCUSDT", "58990.0", "0.005");
    fake.trade("BTCUSDT", "58980.0");
    fake.acceptPrivateStream(true);
    await until(() => events.reconnects === 1, "reconnected and caught up");
    expect(events.executions.map((e) => e.quantity)).toEqual(["0.010", "0.005", "0.015"]);
    expect(new Set(events.executions.map((e) => e.execId)).size).toBe(3);
    expect(fake.executions().map((e) => e.execId).sort()).toEqual(events.executions.map((e) => e.execId).sort());
    expect(venue.status()).toMatchObject({ state: "connected", venue: "bybit" });
  });

  it("with a wrong secret: the stream is unauthenticated and orders are refused with Bybit's reason", async () => {
    const { fake, venue, events } = await setup({ apiSecret: "not-the-secret", waitConnected: false });
    await until(() => venue.status().state === "unauthenticated", "stream refused");
    expect(venue.status().detail).toMatch(/refused the API key/);
    expect(events.statuses.some((s) => s.state === "unauthenticated")).toBe(true);
    const refusal = await venue.submit(order()).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(VenueRejected);
    expect(refusal).toMatchObject({ code: "10004", message: expect.stringContaining("retCode 10004") });
    expect(fake.orders()).toHaveLength(0);
  });
});

describe("BybitVenue limits, bans and unknown outcomes", () => {
  it("on 10006 waits for the announced reset and retries once; a second 10006 is a rejection", async () => {
    const { fake, venue } = await setup({ fake: { tooManyVisitsResetMs: 150 } });
    fake.respond10006(1);
    const sent = order();
    await venue.submit(sent);
    const attempts = fake.requests().filter((r) => r.path === "/v5/order/create");
    expect(attempts.map((r) => r.retCode)).toEqual([10006, 0]);
    expect(attempts[1].at).toBeGreaterThanOrEqual(attempts[0].at + 150);
    expect(fake.orders()).toHaveLength(1);
    fake.respond10006(2);
    await expect(venue.submit(order())).rejects.toMatchObject({ code: "10006" });
    expect(fake.requests().filter((r) => r.path === "/v5/order/create")).toHaveLength(4);
  });

  it("after a 403 refuses all HTTP at once for 10 minutes, then resumes", async () => {
    let offset = 0;
    const now = () => Date.now() + offset;
    const { fake, venue, events } = await setup({ now });
    fake.respond403(1);
    await expect(venue.openOrders()).rejects.toBeInstanceOf(BybitIpBanned);
    const sentBefore = fake.requests().length;
    const refusal = await venue.submit(order()).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(BybitIpBanned);
    expect((refusal as Error).message).toMatch(/refused until \d\d:\d\d:\d\d UTC/);
    await expect(venue.positions()).rejects.toBeInstanceOf(BybitIpBanned);
    expect(fake.requests()).toHaveLength(sentBefore);
    expect(venue.status()).toMatchObject({ state: "banned", detail: expect.stringMatching(/until \d\d:\d\d:\d\d UTC/) });
    await until(() => events.statuses.some((s) => s.state === "banned"), "ban reported");
    offset = 9 * 60_000;
    await expect(venue.positions()).rejects.toBeInstanceOf(BybitIpBanned);
    offset = 10 * 60_000 + 1;
    expect(await venue.positions()).toEqual([]);
    expect(venue.status().state).toBe("connected");
  });

  it("a submit whose answer is late is UNKNOWN, and lookup then finds the order", async () => {
    const { fake, venue } = await setup({ submitTimeoutMs: 200 });
    fake.delayNext("/v5/order/create", 1_000);
    const sent = order({ type: "LIMIT", price: "50000.0" });
    await expect(venue.submit(sent)).rejects.toBeInstanceOf(VenueOutcomeUnknown);
    expect(await venue.lookup("BTCUSDT", sent.clientOrderId)).toMatchObject({ clientOrderId: sent.clientOrderId, status: "ACCEPTED" });
    expect(fake.orders()).toHaveLength(1);
  });

  it("a submit Bybit took but never answered is UNKNOWN; lookup finds exactly one order and a resend with the same id adds none", async () => {
    const { fake, venue } = await setup();
    fake.acceptThenDrop("/v5/order/create");
    const sent = order();
    await expect(venue.submit(sent)).rejects.toBeInstanceOf(VenueOutcomeUnknown);
    expect(await venue.lookup("BTCUSDT", sent.clientOrderId)).toMatchObject({ status: "FILLED" });
    expect((await venue.submit(sent)).clientOrderId).toBe(sent.clientOrderId);
    expect(fake.orders().filter((o) => o.orderLinkId === sent.clientOrderId)).toHaveLength(1);
  });

  it("a submit cut before Bybit saw it is UNKNOWN too, and lookup then shows it absent", async () => {
    const { fake, venue } = await setup();
    fake.dropBeforeProcessing("/v5/order/create");
    const sent = order();
    await expect(venue.submit(sent)).rejects.toBeInstanceOf(VenueOutcomeUnknown);
    expect(await venue.lookup("BTCUSDT", sent.clientOrderId)).toBeNull();
    expect(fake.orders()).toHaveLength(0);
  });

  it("waits out a grace longer than the recv window before an unseen submit counts as dead", async () => {
    const { venue } = await setup();
    expect(venue.unknownGraceMs).toBeGreaterThan(5_000);
  });
});

describe("Bybit settings and connection test", () => {
  it("BYBIT_TESTNET switches to Bybit's testnet hosts; explicit URLs win", () => {
    const keys = { apiKey: "k", apiSecret: "s" };
    expect(bybitVenueOptions(parseConfig({ BYBIT_TESTNET: "true" }), keys)).toMatchObject({
      restUrl: "https://api-testnet.bybit.com", privateWsUrl: "wss://stream-testnet.bybit.com/v5/private", apiKey: "k", apiSecret: "s", recvWindowMs: 5000,
    });
    expect(bybitVenueOptions(parseConfig({}), keys)).toMatchObject({ restUrl: "https://api.bybit.com", privateWsUrl: "wss://stream.bybit.com/v5/private" });
    expect(bybitVenueOptions(parseConfig({ BYBIT_TESTNET: "true", BYBIT_REST_URL: "http://127.0.0.1:9" }), keys)).toMatchObject({ restUrl: "http://127.0.0.1:9" });
  });

  it("testConnection says in plain words whether Bybit and the key work", async () => {
    const fake = await startFakeBybit();
    cleanups.push(() => fake.close());
    const base = { restUrl: fake.restUrl, recvWindowMs: 5_000 };
    const ok = await testConnection({ ...base, apiKey: fake.apiKey, apiSecret: fake.apiSecret });
    expect(ok).toMatchObject({ ok: true, detail: expect.stringContaining("API key accepted") });
    expect(ok.latencyMs).toBeGreaterThanOrEqual(0);
    expect(await testConnection({ ...base, apiKey: "wrong-key", apiSecret: fake.apiSecret })).toMatchObject({ ok: false, detail: "API key rejected (retCode 10003)" });
    expect(await testConnection({ ...base, apiKey: fake.apiKey, apiSecret: "wrong" })).toMatchObject({ ok: false, detail: expect.stringContaining("retCode 10004") });
    expect(await testConnection(base)).toMatchObject({ ok: true, detail: expect.stringContaining("no API key configured") });
    await fake.close();
    expect(await testConnection({ ...base, apiKey: fake.apiKey, apiSecret: fake.apiSecret })).toMatchObject({ ok: false, latencyMs: null, detail: expect.stringContaining("Cannot reach Bybit") });
  });
});
