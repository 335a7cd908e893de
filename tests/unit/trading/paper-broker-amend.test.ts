import { describe, expect, it } from "vitest";
import type { Order } from "@/lib/domain/order";
import type { BrokerEvent } from "@/lib/execution/broker";
import { PaperBroker } from "@/lib/execution/paper-broker";
import { BTC, ETH, newOrder, tick } from "./fixtures";

function broker(partialFills = false): PaperBroker {
  return new PaperBroker({ instruments: [BTC, ETH], slippageBps: 10, makerFeeBps: 2, takerFeeBps: 5, partialFills, now: () => 9_999 });
}

function fills(events: readonly BrokerEvent[]) {
  return events.flatMap((e) => (e.type === "fill" ? [e] : []));
}

function restingBuy(b: PaperBroker, id: string, price: string, quantity = "1"): Order {
  b.onTick(tick(50_000));
  const events = b.submit(newOrder({ id, type: "LIMIT", side: "BUY", price, quantity }));
  expect(events.map((e) => e.type)).toEqual(["accepted"]);
  return events[0]!.order;
}

describe("paper broker: amending a resting order", () => {
  it("moves a buy limit's price: a print through the old price no longer fills, one through the new price fills at it", () => {
    const b = broker();
    restingBuy(b, "a1", "49000", "0.5");
    const result = b.amend("a1", { price: "49500.0" });
    expect(result.ok && result.events.map((e) => [e.type, e.order.price, e.order.status])).toEqual([["amended", "49500", "ACCEPTED"]]);
    expect(b.openOrders()[0]).toMatchObject({ id: "a1", price: "49500", quantity: "0.5" });
    const [event] = fills(b.onTick(tick(49_499.9)));
    expect(event?.fill).toMatchObject({ price: "49500", quantity: "0.5", liquidity: "MAKER" });
    expect(b.openOrders()).toEqual([]);
  });

  it("changes the quantity, and the fill is of the new quantity", () => {
    const b = broker();
    restingBuy(b, "a2", "49000", "0.5");
    const result = b.amend("a2", { quantity: "0.20" });
    expect(result.ok && result.events[0]?.order.quantity).toBe("0.2");
    expect(fills(b.onTick(tick(48_999)))[0]?.fill.quantity).toBe("0.2");
  });

  it("fills at once as taker when the new price is marketable, capped by the new limit", () => {
    const b = broker();
    restingBuy(b, "a3", "49000", "0.5");
    const result = b.amend("a3", { price: "50100" });
    expect(result.ok && result.events.map((e) => e.type)).toEqual(["amended", "fill"]);
    const fill = result.ok ? fills(result.events)[0]?.fill : undefined;
    expect(fill).toMatchObject({ liquidity: "TAKER", price: "50050" }); // 50000 slipped by 10 bps
    expect(b.openOrders()).toEqual([]);
  });

  it("refuses a quantity or price off the instrument's grid and leaves the order as it was", () => {
    const b = broker();
    restingBuy(b, "a4", "49000", "0.5");
    expect(b.amend("a4", { quantity: "0.00005" })).toMatchObject({ ok: false, reason: "INVALID_QUANTITY" });
    expect(b.amend("a4", { quantity: "0.12345" })).toMatchObject({ ok: false, reason: "INVALID_QUANTITY" });
    expect(b.amend("a4", { price: "49000.05" })).toMatchObject({ ok: false, reason: "INVALID_PRICE" });
    expect(b.amend("a4", {})).toMatchObject({ ok: false, reason: "NOTHING_TO_CHANGE" });
    expect(b.openOrders()[0]).toMatchObject({ price: "49000", quantity: "0.5" });
  });

  it("keeps a partly filled order's quantity above what already filled", () => {
    const b = broker(true);
    restingBuy(b, "a5", "49000", "1");
    const [partial] = fills(b.onTick(tick(48_999, 0.4)));
    expect(partial?.order).toMatchObject({ status: "PARTIALLY_FILLED", filledQuantity: "0.4" });
    expect(b.amend("a5", { quantity: "0.4" })).toMatchObject({ ok: false, reason: "QUANTITY_NOT_ABOVE_FILLED" });
    expect(b.amend("a5", { quantity: "0.3" })).toMatchObject({ ok: false, reason: "QUANTITY_NOT_ABOVE_FILLED" });
    const result = b.amend("a5", { quantity: "0.5" });
    expect(result.ok && result.events[0]?.order).toMatchObject({ quantity: "0.5", filledQuantity: "0.4", status: "PARTIALLY_FILLED" });
    const [rest] = fills(b.onTick(tick(48_999, 10)));
    expect(rest?.fill.quantity).toBe("0.1");
    expect(rest?.order.status).toBe("FILLED");
  });

  it("refuses orders that are not resting: unknown, filled, canceled or a market order", () => {
    const b = broker();
    expect(b.amend("nope", { price: "1" })).toMatchObject({ ok: false, reason: "ORDER_NOT_OPEN" });
    restingBuy(b, "a6", "49000", "0.5");
    b.onTick(tick(48_000));
    expect(b.amend("a6", { price: "47000" })).toMatchObject({ ok: false, reason: "ORDER_NOT_OPEN" });
    restingBuy(b, "a7", "49000", "0.5");
    b.cancel("a7");
    expect(b.amend("a7", { price: "47000" })).toMatchObject({ ok: false, reason: "ORDER_NOT_OPEN" });
    b.submit(newOrder({ id: "m1", quantity: "0.1" }));
    expect(b.amend("m1", { quantity: "0.2" })).toMatchObject({ ok: false, reason: "ORDER_NOT_OPEN" });
  });

  it("a smaller size keeps its time priority; a new price goes behind the orders already resting there", () => {
    const b = broker(true);
    restingBuy(b, "first", "49000", "0.5");
    restingBuy(b, "second", "49000", "0.5");
    expect(b.amend("first", { quantity: "0.4" }).ok).toBe(true);
    expect(fills(b.onTick(tick(48_999, 0.4))).map((e) => e.order.id)).toEqual(["first"]);


    const c = broker(true);
    restingBuy(c, "older", "48900", "0.5");
    restingBuy(c, "newer", "49000", "0.5");
    expect(c.amend("older", { price: "49000" }).ok).toBe(true);
    expect(fills(c.onTick(tick(48_999, 0.5))).map((e) => e.order.id)).toEqual(["newer"]);
  });
});
