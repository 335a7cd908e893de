import Decimal from "decimal.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Tick } from "@/lib/domain/market-data";
import type { Order } from "@/lib/domain/order";
import { COMMANDS } from "@/lib/engine/commands";
import { engineClient, rejectionCode } from "../support/engine-client";
import { type Harness, startHarness, waitFor } from "../support/engine-harness";

// Duplicates and the open orders' total are checked here (so each test submits its own sizes), so an amend can be shown not to trip them as a new order would.
let h: Harness;

beforeAll(async () => {
  h = await startHarness({ DUPLICATE_WINDOW_MS: "60000", MAX_OPEN_ORDERS_NOTIONAL: "20000" });
  await waitFor(() => h.engine.ticksProcessed() > 20, "first ticks");
});
afterAll(async () => h?.close());

const { submit, request, row } = engineClient(() => h);
const amend = (orderId: string, change: { quantity?: string; price?: string }) =>
  request<Order>(COMMANDS.amendOrder, { accountId: "demo", orderId, actor: "trader@example.com", ...change });
const cancel = (orderId: string) => request<Order>(COMMANDS.cancelOrder, { accountId: "demo", orderId, actor: "test" });
const lastBtcPrice = () => {
  const ticks = h.sink.of("tick").map((e) => e.payload as Tick).filter((t) => t.symbol === "BTCUSDT");
  return new Decimal(ticks[ticks.length - 1]!.price).toDecimalPlaces(1, Decimal.ROUND_DOWN);
};
/** Half the market: a buy limit there rests for the whole test. */
const farBelow = () => lastBtcPrice().div(2).toDecimalPlaces(0).toFixed();
const orderRow = (id: string) => row<{ quantity: string; price: string; status: string }>("select quantity::text, price::text, status from orders where id = $1", [id]);

describe("amending an open order on the paper venue", () => {
  it("changes a resting limit's price and quantity: the order row, an AMENDED event and an audit entry", async () => {
    const price = farBelow();
    const resting = await submit({ clientOrderId: "amend-1", type: "LIMIT", quantity: "0.01", price });
    const newPrice = new Decimal(price).add("10.5").toFixed();
    const amended = await amend(resting.id, { quantity: "0.020", price: newPrice });
    expect(amended).toMatchObject({ id: resting.id, status: "ACCEPTED", quantity: "0.02", price: newPrice });

    const stored = await orderRow(resting.id);
    expect(new Decimal(stored.quantity).eq("0.02") && new Decimal(stored.price).eq(newPrice)).toBe(true);
    const events = await h.services.database.query<{ event: string; detail: { quantity: string; price: string } | null }>(
      "select event, detail from order_events where order_id = $1 order by id", [resting.id]);
    expect(events.map((e) => e.event)).toEqual(["NEW", "ACCEPTED", "AMENDED"]);
    expect(events[2]!.detail).toEqual({ quantity: "0.02", price: newPrice });
    const audit = await waitFor(async () => (await h.services.database.query<{ actor: string; details: unknown }>(
      "select actor, details from audit_log where action = 'order.amend' and target = $1", [resting.id]))[0], "the audit entry");
    expect(audit).toEqual({ actor: "trader@example.com", details: { venue: "paper", before: { quantity: "0.01", price }, after: { quantity: "0.02", price: newPrice } } });
    expect(h.sink.of("order").map((e) => e.payload as Order).filter((o) => o.id === resting.id).at(-1)).toMatchObject({ quantity: "0.02", price: newPrice });
    await cancel(resting.id);
  });

  it("is not a new order: the duplicate window lets it through and the order's old value is not counted twice", async () => {
    const price = farBelow();
    const first = await submit({ clientOrderId: "amend-dup-a", type: "LIMIT", quantity: "0.011", price });
    const second = await submit({ clientOrderId: "amend-dup-b", type: "LIMIT", quantity: "0.011", price: new Decimal(price).add(1).toFixed() });
    expect((await amend(second.id, { price })).price).toBe(price);
    await cancel(first.id);
    await cancel(second.id);

    // 0.6 of the 20000 open-orders limit: counting the order's old value as well as its new one would exceed it.
    const big = await submit({ clientOrderId: "amend-open-value", type: "LIMIT", quantity: new Decimal(12_000).div(price).toDecimalPlaces(4).toFixed(), price });
    const moved = new Decimal(price).add(1).toFixed();
    expect((await amend(big.id, { price: moved })).price).toBe(moved);
    expect(await rejectionCode(amend(big.id, { quantity: new Decimal(21_000).div(price).toDecimalPlaces(4).toFixed() }))).toBe("MAX_OPEN_ORDERS_NOTIONAL");
    await cancel(big.id);
  });

  it("refuses a market order, a filled order, a quantity off the grid and an empty change", async () => {
    const market = await submit({ clientOrderId: "amend-mkt" });
    expect(market.status).toBe("FILLED");
    expect(await rejectionCode(amend(market.id, { quantity: "0.02" }))).toBe("ORDER_NOT_AMENDABLE");

    const marketable = await submit({ clientOrderId: "amend-filled", type: "LIMIT", price: lastBtcPrice().mul("1.5").toDecimalPlaces(0).toFixed() });
    expect(marketable.status).toBe("FILLED");
    expect(await rejectionCode(amend(marketable.id, { price: farBelow() }))).toBe("ORDER_NOT_OPEN");

    const resting = await submit({ clientOrderId: "amend-grid", type: "LIMIT", quantity: "0.012", price: farBelow() });
    expect(await rejectionCode(amend(resting.id, { quantity: "0.00001" }))).toBe("INVALID_QUANTITY");
    expect(await rejectionCode(amend(resting.id, { price: "30000.05" }))).toBe("INVALID_PRICE");
    await expect(amend(resting.id, {})).rejects.toThrow(/quantity, a new price/);
    expect(await rejectionCode(amend("00000000-0000-4000-8000-000000000000", { price: "30000" }))).toBe("NOT_FOUND");
    await cancel(resting.id);
  });

  it("refuses a quantity not above what already filled", async () => {
    // A buy just under the market fills print by print (partial fills are on), so it is soon partly filled.
    const order = await submit({ clientOrderId: "amend-partial", type: "LIMIT", quantity: "0.25", price: lastBtcPrice().sub("5").toFixed() });
    expect(order.status).toBe("ACCEPTED");
    await waitFor(async () => (await orderRow(order.id)).status !== "ACCEPTED", "the first fill", 20_000);
    expect(await rejectionCode(amend(order.id, { quantity: "0.0001" }))).toBe("QUANTITY_NOT_ABOVE_FILLED");
    await cancel(order.id).catch(() => undefined); // it may have filled in full meanwhile
  }, 30_000);

  it("runs the amended order through the pre-trade gate: price collar and max order notional, each recorded", async () => {
    const resting = await submit({ clientOrderId: "amend-risk", type: "LIMIT", quantity: "0.013", price: farBelow() });
    expect(await rejectionCode(amend(resting.id, { price: lastBtcPrice().mul(3).toDecimalPlaces(0).toFixed() }))).toBe("PRICE_COLLAR");
    expect(await rejectionCode(amend(resting.id, { quantity: "2" }))).toBe("MAX_ORDER_NOTIONAL");
    const stored = await orderRow(resting.id);
    expect(new Decimal(stored.quantity).eq("0.013")).toBe(true);
    const codes = await h.services.database.query<{ code: string }>("select code from risk_events where code in ('PRICE_COLLAR', 'MAX_ORDER_NOTIONAL')");
    expect(codes.map((c) => c.code).sort()).toEqual(["MAX_ORDER_NOTIONAL", "PRICE_COLLAR"]);
    await cancel(resting.id);
  });
});
