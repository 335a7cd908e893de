import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as orderRoute from "@/app/api/orders/[id]/route";
import * as ordersRoute from "@/app/api/orders/route";
import type { Order } from "@/lib/domain/order";
import { clearServices, registerServices } from "@/lib/runtime/services";
import { type Harness, startHarness, waitFor } from "../support/engine-harness";
import { createTestUser, type TestUser } from "../support/users";

let h: Harness;
let trader: TestUser;
let viewer: TestUser;
const BASE = "http://localhost:3000";

beforeAll(async () => {
  h = await startHarness({ ORDER_RATE_LIMIT_PER_MINUTE: "1000" });
  registerServices(h.services);
  trader = await createTestUser(h.services, "trader");
  viewer = await createTestUser(h.services, "viewer");
  await waitFor(() => h.engine.ticksProcessed() > 20, "first ticks");
});
afterAll(async () => {
  clearServices();
  await h?.close();
});

const json = (cookie: string, method: string, body: unknown, raw?: string) =>
  new Request(`${BASE}/api/orders/x`, { method, headers: { cookie, "content-type": "application/json" }, body: raw ?? JSON.stringify(body) });
const params = (id: string) => ({ params: Promise.resolve({ id }) });
const patch = (id: string, body: unknown, raw?: string, cookie = trader.cookie) => orderRoute.PATCH(json(cookie, "PATCH", body, raw), params(id));

async function restingLimit(): Promise<Order> {
  const response = await ordersRoute.POST(json(trader.cookie, "POST", { symbol: "BTCUSDT", side: "BUY", type: "LIMIT", quantity: "0.01", price: "30000" }));
  return ((await response.json()) as { order: Order }).order;
}

async function expectError(response: Response, status: number, code: string): Promise<string> {
  expect(response.status).toBe(status);
  const body = (await response.json()) as { error: { code: string; message: string } };
  expect(body.error.code).toBe(code);
  return body.error.message;
}

describe("PATCH /api/orders/:id", () => {
  it("amends an open limit order's price and quantity and returns it", async () => {
    const order = await restingLimit();
    const response = await patch(order.id, { quantity: "0.02", price: "30100.5" });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { order: Order };
    expect(body.order).toMatchObject({ id: order.id, status: "ACCEPTED", quantity: "0.02", price: "30100.5" });
    const listed = (await (await ordersRoute.GET(new Request(`${BASE}/api/orders?status=open`, { headers: { cookie: trader.cookie } }))).json()) as { items: Order[] };
    expect(listed.items.find((o) => o.id === order.id)).toMatchObject({ quantity: "0.02", price: "30100.5" });
  });

  it("refuses bodies that are empty, unknown fields, non-decimals and bad JSON with 400", async () => {
    const order = await restingLimit();
    expect(await expectError(await patch(order.id, {}), 400, "VALIDATION_ERROR")).toMatch(/new quantity, a new price/);
    expect(await expectError(await patch(order.id, { price: "30000", side: "SELL" }), 400, "VALIDATION_ERROR")).toMatch(/side/);
    expect(await expectError(await patch(order.id, { quantity: "1e3" }), 400, "VALIDATION_ERROR")).toMatch(/quantity/);
    expect(await expectError(await patch(order.id, { price: 30000 }), 400, "VALIDATION_ERROR")).toMatch(/price/);
    await expectError(await patch(order.id, null, "{nope"), 400, "INVALID_JSON");
    await expectError(await patch("not-a-uuid", { price: "30000" }), 400, "VALIDATION_ERROR");
  });

  it("answers 404 for an unknown order, 403 for a viewer and 422 with the reason for a refused amend", async () => {
    await expectError(await patch("00000000-0000-4000-8000-000000000000", { price: "30000" }), 404, "NOT_FOUND");
    const order = await restingLimit();
    await expectError(await patch(order.id, { price: "30010" }, undefined, viewer.cookie), 403, "FORBIDDEN");
    expect(await expectError(await patch(order.id, { quantity: "5" }), 422, "MAX_ORDER_NOTIONAL")).toMatch(/>/);
    expect(await expectError(await patch(order.id, { price: "30000.05" }), 422, "INVALID_PRICE")).toMatch(/tick 0\.1/);
    await orderRoute.DELETE(json(trader.cookie, "DELETE", undefined), params(order.id));
    expect(await expectError(await patch(order.id, { price: "30010" }), 422, "ORDER_NOT_OPEN")).toMatch(/CANCELED|not open/);
  });
});
