import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as balanceRoute from "@/app/api/balance/route";
import * as candlesRoute from "@/app/api/candles/route";
import * as healthRoute from "@/app/api/health/route";
import * as orderRoute from "@/app/api/orders/[id]/route";
import * as ordersRoute from "@/app/api/orders/route";
import * as positionsRoute from "@/app/api/positions/route";
import * as statusRoute from "@/app/api/status/route";
import * as tradesRoute from "@/app/api/trades/route";
import type { LiveVenueView } from "@/lib/engine/live/live-venues";
import { writeHeartbeat } from "@/lib/engine/persistence/heartbeat";
import { type Harness, waitFor } from "../support/engine-harness";
import { type RouteHarness, startRouteHarness } from "../support/route-harness";
import type { TestUser } from "../support/users";

let h: Harness;
let trader: TestUser;
const BASE = "http://localhost:3000";

let routes: RouteHarness;

beforeAll(async () => {
  routes = await startRouteHarness({ ORDER_RATE_LIMIT_PER_MINUTE: "1000" });
  ({ harness: h, trader } = routes);
});
afterAll(async () => routes?.close());

const req = (path: string, init: RequestInit = {}) => new Request(`${BASE}${path}`, { ...init, headers: { cookie: trader.cookie, ...init.headers } });
const post = (body: unknown, raw?: string) =>
  ordersRoute.POST(req("/api/orders", { method: "POST", headers: { "content-type": "application/json" }, body: raw ?? JSON.stringify(body) }));
const get = (route: { GET: (r: Request) => Promise<Response> }, path: string) => route.GET(req(path));
const params = (id: string) => ({ params: Promise.resolve({ id }) });

async function expectError(response: Response, status: number, code: string): Promise<string> {
  expect(response.status).toBe(status);
  const body = (await response.json()) as { error: { code: string; message: string } };
  expect(body.error.code).toBe(code);
  expect(body.error.message.length).toBeGreaterThan(5);
  return body.error.message;
}

describe("API validation errors", () => {
  it("names the field that is wrong", async () => {
    expect(await expectError(await post({ symbol: "BTCUSDT", side: "BUY", type: "LIMIT", quantity: "1" }), 400, "VALIDATION_ERROR")).toMatch(/price/);
    expect(await expectError(await post({ symbol: "BTCUSDT", side: "HOLD", type: "MARKET", quantity: "1" }), 400, "VALIDATION_ERROR")).toMatch(/side/);
    expect(await expectError(await post({ symbol: "BTCUSDT", side: "BUY", type: "MARKET", quantity: "-1" }), 400, "VALIDATION_ERROR")).toMatch(/quantity/);
    expect(await expectError(await post({ symbol: "BTCUSDT", side: "BUY", type: "MARKET", quantity: "1", leverage: 100 }), 400, "VALIDATION_ERROR")).toMatch(/leverage/);
    expect(await expectError(await post({ symbol: "BTCUSDT", side: "BUY", type: "MARKET", quantity: "1", price: "5" }), 400, "VALIDATION_ERROR")).toMatch(/price/);
    await expectError(await post(null, "{not json"), 400, "INVALID_JSON");
  });

  it("rejects bad query parameters and unknown orders", async () => {
    expect(await expectError(await get(candlesRoute, "/api/candles?symbol=BTCUSDT&interval=2m"), 400, "VALIDATION_ERROR")).toMatch(/interval/);
    await expectError(await get(candlesRoute, "/api/candles?interval=1m"), 400, "VALIDATION_ERROR");
    await expectError(await get(tradesRoute, "/api/trades?limit=0"), 400, "VALIDATION_ERROR");
    await expectError(await get(ordersRoute, "/api/orders?cursor=garbage"), 400, "INVALID_CURSOR");
    await expectError(await orderRoute.GET(req("/api/orders/x"), params("not-a-uuid")), 400, "VALIDATION_ERROR");
    await expectError(await orderRoute.DELETE(req("/api/orders/x"), params("00000000-0000-4000-8000-000000000000")), 404, "NOT_FOUND");
  });

  it("refuses an order the risk gate rejects with 422 and its reason code", async () => {
    const message = await expectError(await post({ symbol: "BTCUSDT", side: "BUY", type: "MARKET", quantity: "5" }), 422, "MAX_ORDER_NOTIONAL");
    expect(message).toMatch(/notional/i);
  });
});

describe("API reads and writes", () => {
  it("places, lists, pages and cancels orders", async () => {
    const created = await post({ symbol: "ETHUSDT", side: "BUY", type: "MARKET", quantity: "0.1", clientOrderId: "api-1" });
    expect(created.status).toBe(201);
    const { order } = (await created.json()) as { order: { id: string; status: string } };
    expect(order.status).toBe("FILLED");
    const limit = (await (await post({ symbol: "ETHUSDT", side: "SELL", type: "LIMIT", quantity: "0.1", price: "6000" })).json()) as { order: { id: string } };
    const open = (await (await get(ordersRoute, "/api/orders?status=open")).json()) as { items: { id: string }[] };
    expect(open.items.map((o) => o.id)).toContain(limit.order.id);
    const page1 = (await (await get(ordersRoute, "/api/orders?limit=1")).json()) as { items: unknown[]; nextCursor: string };
    expect(page1.items).toHaveLength(1);
    const page2 = (await (await get(ordersRoute, `/api/orders?limit=1&cursor=${page1.nextCursor}`)).json()) as { items: { id: string }[] };
    expect(page2.items).toHaveLength(1);
    const canceled = await orderRoute.DELETE(req(`/api/orders/${limit.order.id}`), params(limit.order.id));
    expect(((await canceled.json()) as { order: { status: string } }).order.status).toBe("CANCELED");
    await expectError(await orderRoute.DELETE(req(`/api/orders/${limit.order.id}`), params(limit.order.id)), 422, "ORDER_NOT_OPEN");
  });

  it("reports positions, balance, fills, candles, status and health", async () => {
    const { positions } = (await (await get(positionsRoute, "/api/positions")).json()) as { positions: { symbol: string; quantity: string }[] };
    expect(positions.find((p) => p.symbol === "ETHUSDT")?.quantity).toBe("0.1");
    const { account } = (await (await get(balanceRoute, "/api/balance")).json()) as { account: { equity: string; cash: string } };
    expect(Number(account.cash)).toBeLessThan(100000);
    const trades = (await (await get(tradesRoute, "/api/trades?symbol=ETHUSDT")).json()) as { items: { clientOrderId: string }[] };
    expect(trades.items.map((t) => t.clientOrderId)).toContain("api-1");
    await waitFor(async () => ((await (await get(candlesRoute, "/api/candles?symbol=BTCUSDT&interval=1s")).json()) as { candles: unknown[] }).candles.length > 0, "1s candles");
    const status = (await (await get(statusRoute, "/api/status")).json()) as { mode: string; counts: { fills: number }; feeds: { kind: string }[] };
    expect(status.mode).toBe("embedded");
    expect(status.counts.fills).toBeGreaterThanOrEqual(1);
    await waitFor(async () => (await get(healthRoute, "/api/health")).status === 200, "healthy");
  });

  it("answers 503 on health once the engine has stopped", async () => {
    await h.engine.stop();
    await waitFor(async () => (await get(healthRoute, "/api/health")).status === 503, "unhealthy after stop");
    const body = (await (await get(healthRoute, "/api/health")).json()) as { checks: { worker: { ok: boolean } } };
    expect(body.checks.worker.ok).toBe(false);
    h.engine = { ...h.engine, stop: async () => undefined };
  });

  it("reports each live venue's connection from the engine's heartbeat, the EA's error in plain words included, and a stand-in feed as such", async () => {
    // The engine is stopped, so this row stays the last heartbeat while the route reads it.
    const lastHeartbeatAt = Date.now() - 7_000;
    const mt5: LiveVenueView = {
      venue: "mt5", label: "MetaTrader 5", symbols: ["EURUSD"], keys: null,
      connection: { venue: "mt5", state: "disconnected", detail: "The MetaTrader EA stopped answering heartbeats.", lastMessageAt: lastHeartbeatAt, since: lastHeartbeatAt + 5_000 },
      reconciliation: { venue: "mt5", phase: "agreed", checkedAt: lastHeartbeatAt, mismatches: [], error: null },
    };
    const standIn = { name: "bybit", kind: "sim", state: "live", symbols: ["BTCUSDT"], lastTickAt: lastHeartbeatAt, ticks: 10, label: "SIMULATED (Bybit unreachable)" };
    await writeHeartbeat(h.services.database.db, "engine", "test", { state: "running", feeds: [standIn], venues: [mt5] });
    // Health is checked at most once a second, however many ask: the new heartbeat shows within that second.
    const feedsDetail = async () => ((await (await get(healthRoute, "/api/health")).json()) as { checks: { feeds: { detail: string } } }).checks.feeds.detail;
    await waitFor(async () => (await feedsDetail()) === "bybit:live (SIMULATED (Bybit unreachable))", "health to read the new heartbeat", 2_000);
    const status = (await (await get(statusRoute, "/api/status")).json()) as { venues: unknown[] };
    expect(status.venues).toEqual([{
      venue: "mt5", label: "MetaTrader 5", state: "disconnected", detail: "The MetaTrader EA stopped answering heartbeats.",
      lastMessageAt: lastHeartbeatAt, since: lastHeartbeatAt + 5_000, reconciliation: "agreed",
    }]);
  });
});
