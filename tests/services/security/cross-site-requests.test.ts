import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actionId, callAction, SecureStack, type StackUser } from "./secure-stack";

let stack: SecureStack;
let trader: StackUser;
const EVIL = "http://evil.example";
// Same site as 127.0.0.1:<web port> (ports do not count for SameSite), so a Lax cookie would flow: the Origin check must stop it.
const SAME_SITE_OTHER_PORT = "http://127.0.0.1:8081";

beforeAll(async () => {
  stack = await SecureStack.start({ worker: true, realtime: false });
  trader = await stack.user("trader");
}, 300_000);
afterAll(async () => stack?.stop());

const limitOrder = (clientOrderId: string) => ({ clientOrderId, symbol: "BTCUSDT", side: "BUY", type: "LIMIT", quantity: "0.001", price: "1000" });

async function send(method: string, path: string, headers: Record<string, string>, body?: unknown): Promise<{ status: number; json: { error?: { code: string }; order?: { id: string; status: string } } }> {
  const response = await fetch(new URL(path, stack.web), {
    method, headers: { cookie: trader.cookie, "content-type": "application/json", ...headers }, body: body === undefined ? undefined : JSON.stringify(body), signal: AbortSignal.timeout(15_000),
  });
  return { status: response.status, json: (await response.json()) as never };
}

const ordersWith = (clientOrderId: string) => stack.count("select 1 from orders where client_order_id = $1", [clientOrderId]);

describe("cross-site requests to the API with a valid session cookie", () => {
  it("refuses POST /api/orders from another origin with 403 CSRF_REJECTED and creates no order", async () => {
    for (const origin of [EVIL, SAME_SITE_OTHER_PORT, "null"]) {
      const id = `csrf-${randomUUID().slice(0, 8)}`;
      const { status, json } = await send("POST", "/api/orders", { origin }, limitOrder(id));
      expect(status, origin).toBe(403);
      expect(json.error?.code, origin).toBe("CSRF_REJECTED");
      expect(await ordersWith(id), origin).toBe(0);
    }
  });

  it("refuses a cross-site POST that has no Origin but is marked so by Sec-Fetch-Site, or has a foreign Referer", async () => {
    const a = `csrf-${randomUUID().slice(0, 8)}`;
    expect((await send("POST", "/api/orders", { "sec-fetch-site": "cross-site" }, limitOrder(a))).status).toBe(403);
    const b = `csrf-${randomUUID().slice(0, 8)}`;
    expect((await send("POST", "/api/orders", { referer: `${EVIL}/attack.html` }, limitOrder(b))).status).toBe(403);
    expect((await ordersWith(a)) + (await ordersWith(b))).toBe(0);
  });

  it("accepts the same request from the app's own origin (the cookie is valid: the origin alone decided)", async () => {
    const id = `same-${randomUUID().slice(0, 8)}`;
    const { status, json } = await send("POST", "/api/orders", { origin: stack.web, "sec-fetch-site": "same-origin" }, limitOrder(id));
    expect(status).toBe(201);
    expect(json.order?.status).toBe("ACCEPTED");
    expect(await ordersWith(id)).toBe(1);
  });

  it("refuses a cross-site DELETE of a resting order and leaves it open", async () => {
    const id = `rest-${randomUUID().slice(0, 8)}`;
    const placed = await send("POST", "/api/orders", { origin: stack.web }, limitOrder(id));
    expect(placed.status).toBe(201);
    const cancel = await send("DELETE", `/api/orders/${placed.json.order!.id}`, { origin: EVIL });
    expect(cancel.status).toBe(403);
    expect(cancel.json.error?.code).toBe("CSRF_REJECTED");
    expect(await stack.count("select 1 from orders where client_order_id = $1 and status = 'ACCEPTED'", [id])).toBe(1);
  });
});

describe("cross-site calls to server actions (Next.js compares Origin with Host)", () => {
  it("refuses placeOrderAction from another origin and places nothing; the same call from our origin places the order", async () => {
    const place = actionId("app/actions.ts", "placeOrderAction");
    for (const origin of [EVIL, SAME_SITE_OTHER_PORT]) {
      const id = `act-${randomUUID().slice(0, 8)}`;
      const refused = await callAction(stack.web, "/", place, [limitOrder(id)], { cookie: trader.cookie, origin });
      expect(refused.status, origin).toBeGreaterThanOrEqual(400);
      expect(refused.body, origin).not.toContain('"ok":true');
      expect(await ordersWith(id), origin).toBe(0);
    }
    const id = `act-${randomUUID().slice(0, 8)}`;
    const accepted = await callAction(stack.web, "/", place, [limitOrder(id)], { cookie: trader.cookie, origin: stack.web });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toContain('"ok":true');
    expect(await ordersWith(id)).toBe(1);
  });

  it("refuses a cross-site createApiKeyAction on /profile and creates no key; from our origin it creates one", async () => {
    const create = actionId("app/profile/actions.ts", "createApiKeyAction");
    const before = await stack.count("select 1 from api_keys where user_id = $1", [trader.user.id]);
    const refused = await callAction(stack.web, "/profile", create, [{ name: "stolen", scopes: ["read", "trade"] }], { cookie: trader.cookie, origin: EVIL });
    expect(refused.status).toBeGreaterThanOrEqual(400);
    expect(await stack.count("select 1 from api_keys where user_id = $1", [trader.user.id])).toBe(before);
    const accepted = await callAction(stack.web, "/profile", create, [{ name: "mine", scopes: ["read"] }], { cookie: trader.cookie, origin: stack.web });
    expect(accepted.body).toContain('"ok":true');
    expect(await stack.count("select 1 from api_keys where user_id = $1", [trader.user.id])).toBe(before + 1);
  });
});
