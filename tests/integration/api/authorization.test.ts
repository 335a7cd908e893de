import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import * as balanceRoute from "@/app/api/balance/route";
import * as candlesRoute from "@/app/api/candles/route";
import * as equityRoute from "@/app/api/equity/route";
import * as orderRoute from "@/app/api/orders/[id]/route";
import * as ordersRoute from "@/app/api/orders/route";
import * as positionsRoute from "@/app/api/positions/route";
import * as riskRoute from "@/app/api/risk/route";
import * as statusRoute from "@/app/api/status/route";
import * as tradesRoute from "@/app/api/trades/route";
import { revokeApiKey, verifyApiKey } from "@/lib/auth/api-key-store";
import { updateUser } from "@/lib/auth/user-store";
import { clearServices, registerServices } from "@/lib/runtime/services";
import { announceAuthChanged } from "@/lib/server/cache/hot-reads";
import { type Harness, startHarness, waitFor } from "../support/engine-harness";
import { createTestKey, createTestUser, type TestUser } from "../support/users";

// Server actions read the current request's headers; tests decide what that request carries.
let actionHeaders = new Headers();
vi.mock("next/headers", () => ({ headers: async () => actionHeaders }));
const actions = await import("@/app/actions");

let h: Harness;
let trader: TestUser;
let viewer: TestUser;
let outsider: TestUser;
let traderOrderId: string;
const BASE = "http://localhost:3000";
const params = (id: string) => ({ params: Promise.resolve({ id }) });

beforeAll(async () => {
  h = await startHarness({ ORDER_RATE_LIMIT_PER_MINUTE: "1000" });
  registerServices(h.services);
  [trader, viewer, outsider] = await Promise.all([createTestUser(h.services, "trader"), createTestUser(h.services, "viewer"), createTestUser(h.services, "trader", "other-account")]);
  await waitFor(() => h.engine.ticksProcessed() > 20, "first ticks");
  const placed = await ordersRoute.POST(request("/api/orders", trader.cookie, { method: "POST", body: JSON.stringify({ symbol: "BTCUSDT", side: "BUY", type: "LIMIT", quantity: "0.001", price: "1000" }) }));
  traderOrderId = ((await placed.json()) as { order: { id: string } }).order.id;
});
afterAll(async () => {
  clearServices();
  await h?.close();
});

function request(path: string, cookie?: string, init: RequestInit & { bearer?: string; extra?: Record<string, string> } = {}): Request {
  const headers: Record<string, string> = { "content-type": "application/json", ...init.extra };
  if (cookie) headers.cookie = cookie;
  if (init.bearer) headers.authorization = `Bearer ${init.bearer}`;
  return new Request(`${BASE}${path}`, { method: init.method, body: init.body, headers });
}

const READS: [string, (r: Request) => Promise<Response>][] = [
  ["/api/orders", (r) => ordersRoute.GET(r)], ["/api/positions", (r) => positionsRoute.GET(r)], ["/api/balance", (r) => balanceRoute.GET(r)],
  ["/api/trades", (r) => tradesRoute.GET(r)], ["/api/equity", (r) => equityRoute.GET(r)], ["/api/risk", (r) => riskRoute.GET(r)],
  ["/api/status", (r) => statusRoute.GET(r)], ["/api/candles?symbol=BTCUSDT&interval=1m", (r) => candlesRoute.GET(r)],
];
const newOrder = JSON.stringify({ symbol: "BTCUSDT", side: "BUY", type: "LIMIT", quantity: "0.001", price: "1000" });
const code = async (response: Response) => ((await response.json()) as { error?: { code: string } }).error?.code;

describe("route handlers refuse who may not", () => {
  it("answers 401 to every endpoint without credentials, even with x-middleware-subrequest set", async () => {
    const bypass = { "x-middleware-subrequest": "middleware:middleware:middleware:middleware:middleware" };
    for (const [path, call] of READS) {
      const response = await call(request(path, undefined, { extra: bypass }));
      expect(response.status, path).toBe(401);
      expect(await code(response)).toBe("UNAUTHENTICATED");
    }
    expect((await ordersRoute.POST(request("/api/orders", undefined, { method: "POST", body: newOrder, extra: bypass }))).status).toBe(401);
    expect((await orderRoute.DELETE(request("/x", undefined, { extra: bypass }), params(traderOrderId))).status).toBe(401);
  });

  it("lets a viewer read but not trade", async () => {
    for (const [path, call] of READS) expect((await call(request(path, viewer.cookie))).status, path).toBe(200);
    const refused = await ordersRoute.POST(request("/api/orders", viewer.cookie, { method: "POST", body: newOrder }));
    expect(refused.status).toBe(403);
    expect((await orderRoute.DELETE(request("/x", viewer.cookie), params(traderOrderId))).status).toBe(403);
    const open = (await (await ordersRoute.GET(request("/api/orders?status=open", viewer.cookie))).json()) as { items: { id: string }[] };
    expect(open.items.map((o) => o.id)).toContain(traderOrderId);
  });

  it("never shows or touches another account's orders", async () => {
    expect((await orderRoute.GET(request("/x", outsider.cookie), params(traderOrderId))).status).toBe(404);
    expect((await orderRoute.DELETE(request("/x", outsider.cookie), params(traderOrderId))).status).toBe(404);
    const list = (await (await ordersRoute.GET(request("/api/orders", outsider.cookie))).json()) as { items: unknown[] };
    expect(list.items).toEqual([]);
    const fills = (await (await tradesRoute.GET(request("/api/trades", outsider.cookie))).json()) as { items: unknown[] };
    expect(fills.items).toEqual([]);
    const placed = await ordersRoute.POST(request("/api/orders", outsider.cookie, { method: "POST", body: newOrder }));
    expect(placed.status).toBe(404);
  });

  it("rejects forged and expired sessions", async () => {
    // A character inside the token's last segment: the final base64url character can carry only padding bits, so
    // changing it may decode to the very same bytes.
    const at = trader.cookie.length - 5;
    const forged = trader.cookie.slice(0, at) + (trader.cookie[at] === "A" ? "B" : "A") + trader.cookie.slice(at + 1);
    expect((await positionsRoute.GET(request("/api/positions", forged))).status).toBe(401);
    expect((await positionsRoute.GET(request("/api/positions", "next-auth.session-token=not-a-jwt"))).status).toBe(401);
  });

  it("stops a disabled user and a demoted trader on their next request", async () => {
    const victim = await createTestUser(h.services, "trader");
    expect((await positionsRoute.GET(request("/api/positions", victim.cookie))).status).toBe(200);
    // Stored and announced, as every admin path does (lib/server/admin): cached actors go at once.
    await updateUser(h.services.database.db, victim.user.id, { role: "viewer" });
    await announceAuthChanged(h.services);
    expect((await ordersRoute.POST(request("/api/orders", victim.cookie, { method: "POST", body: newOrder }))).status).toBe(403);
    await updateUser(h.services.database.db, victim.user.id, { disabled: true });
    await announceAuthChanged(h.services);
    expect((await positionsRoute.GET(request("/api/positions", victim.cookie))).status).toBe(401);
  });
});

describe("API keys", () => {
  it("work as Bearer tokens within their scopes, and stop working when revoked", async () => {
    const readKey = await createTestKey(h.services, trader.user.id, ["read"]);
    expect((await positionsRoute.GET(request("/api/positions", undefined, { bearer: readKey }))).status).toBe(200);
    expect((await ordersRoute.POST(request("/api/orders", undefined, { method: "POST", body: newOrder, bearer: readKey }))).status).toBe(403);
    const tradeKey = await createTestKey(h.services, trader.user.id, ["read", "trade"]);
    expect((await ordersRoute.POST(request("/api/orders", undefined, { method: "POST", body: newOrder, bearer: tradeKey }))).status).toBe(201);
    const record = await verifyApiKey(h.services.database.db, tradeKey);
    await revokeApiKey(h.services.database.db, record!.id);
    await announceAuthChanged(h.services);
    const revoked = await positionsRoute.GET(request("/api/positions", undefined, { bearer: tradeKey }));
    expect(revoked.status).toBe(401);
    expect(await code(revoked)).toBe("INVALID_API_KEY");
  });

  it("never grant more than the owner's role", async () => {
    const overreaching = await createTestKey(h.services, viewer.user.id, ["read", "trade"]);
    expect((await ordersRoute.POST(request("/api/orders", undefined, { method: "POST", body: newOrder, bearer: overreaching }))).status).toBe(403);
  });
});

describe("server actions refuse who may not", () => {
  const order = { symbol: "BTCUSDT", side: "BUY", type: "LIMIT", quantity: "0.001", price: "1000", clientOrderId: "action-1" };

  it("without a session, every action is refused", async () => {
    actionHeaders = new Headers();
    expect(await actions.placeOrderAction(order)).toMatchObject({ ok: false, error: { code: "UNAUTHENTICATED" } });
    expect(await actions.cancelOrderAction(traderOrderId)).toMatchObject({ ok: false, error: { code: "UNAUTHENTICATED" } });
    expect(await actions.engageKillSwitchAction()).toMatchObject({ ok: false, error: { code: "UNAUTHENTICATED" } });
    expect(await actions.rearmTradingAction("x")).toMatchObject({ ok: false, error: { code: "UNAUTHENTICATED" } });
    expect(await actions.updateRiskLimitsAction({ maxOrderNotional: "1" })).toMatchObject({ ok: false, error: { code: "UNAUTHENTICATED" } });
  });

  it("a viewer cannot trade or halt, a trader cannot re-arm, another account cannot cancel", async () => {
    actionHeaders = new Headers({ cookie: viewer.cookie });
    expect(await actions.placeOrderAction(order)).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect(await actions.engageKillSwitchAction()).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    actionHeaders = new Headers({ cookie: trader.cookie });
    expect(await actions.rearmTradingAction(trader.password)).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect(await actions.updateRiskLimitsAction({ maxOrderNotional: "1" })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    actionHeaders = new Headers({ cookie: outsider.cookie });
    expect(await actions.cancelOrderAction(traderOrderId)).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    actionHeaders = new Headers({ cookie: trader.cookie });
    expect(await actions.placeOrderAction(order)).toMatchObject({ ok: true });
  });

  it("every exported server action is covered by these refusal tests", () => {
    expect(Object.keys(actions).sort()).toEqual(["cancelOrderAction", "engageKillSwitchAction", "placeOrderAction", "rearmTradingAction", "updateRiskLimitsAction"]);
  });
});
