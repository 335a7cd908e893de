import { describe, expect, it } from "vitest";
import type { BrokerEvent } from "@/lib/execution/broker";
import { PaperBroker, type PaperBrokerConfig } from "@/lib/execution/paper-broker";
import { BTC, ETH, newOrder, tick } from "./fixtures";

function broker(overrides: Partial<PaperBrokerConfig> = {}): PaperBroker {
  return new PaperBroker({
    instruments: [BTC, ETH],
    slippageBps: 10,
    makerFeeBps: 2,
    takerFeeBps: 5,
    partialFills: false,
    now: () => 9_999,
    ...overrides,
  });
}

function fillOf(events: readonly BrokerEvent[]) {
  const event = events.find((e) => e.type === "fill");
  if (event?.type !== "fill") throw new Error("no fill event");
  return event;
}

describe("paper broker: market orders", () => {
  it("buys at the last price plus slippage, rounded up to the tick, and charges the taker fee", () => {
    const b = broker();
    b.onTick(tick(50_000.3));
    const events = b.submit(newOrder({ id: "m1", side: "BUY", quantity: "0.5" }));
    expect(events.map((e) => e.type)).toEqual(["accepted", "fill"]);
    const { order, fill } = fillOf(events);
    // 50000.3 * 1.001 = 50050.3003 -> 50050.4; fee 0.5 * 50050.4 * 5 / 1e4
    expect(fill).toMatchObject({ price: "50050.4", quantity: "0.5", fee: "12.5126", liquidity: "TAKER", side: "BUY" });
    expect(fill).toMatchObject({ id: "m1:0.5", orderId: "m1", ts: 9_999 });
    expect(order).toMatchObject({ status: "FILLED", filledQuantity: "0.5", averageFillPrice: "50050.4" });
  });

  it("sells at the last price minus slippage, rounded down to the tick", () => {
    const b = broker();
    b.onTick(tick(50_000.3));
    const { fill } = fillOf(b.submit(newOrder({ side: "SELL", quantity: "0.5" })));
    // 50000.3 * 0.999 = 49950.2997 -> 49950.2; fee 0.5 * 49950.2 * 5 / 1e4
    expect(fill).toMatchObject({ price: "49950.2", fee: "12.48755" });
  });

  it("fills at the touch with zero slippage and no fee when both are zero", () => {
    const b = broker({ slippageBps: 0, takerFeeBps: 0 });
    b.onTick(tick(50_000.3));
    expect(fillOf(b.submit(newOrder({ quantity: "1" }))).fill).toMatchObject({ price: "50000.3", fee: "0" });
  });

  it("rejects a market order when no trade has printed yet", () => {
    const events = broker().submit(newOrder({ id: "m2" }));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ type: "rejected", reason: "NO_MARKET_PRICE" });
    expect(events[0]?.order).toMatchObject({ status: "REJECTED", rejectReason: "NO_MARKET_PRICE" });
  });

  it("ignores non-finite or non-positive prints when keeping the last price", () => {
    const b = broker({ slippageBps: 0 });
    b.onTick(tick(100));
    expect(b.onTick(tick(Number.NaN))).toEqual([]);
    expect(b.onTick(tick(-5))).toEqual([]);
    expect(b.onTick(tick(Number.POSITIVE_INFINITY))).toEqual([]);
    expect(fillOf(b.submit(newOrder())).fill.price).toBe("100");
  });

  it("keeps a last price per symbol", () => {
    const b = broker({ slippageBps: 0 });
    b.onTick(tick(50_000));
    b.onTick(tick(3_000.25, 1, "ETHUSDT"));
    expect(fillOf(b.submit(newOrder({ symbol: "ETHUSDT", quantity: "2" }))).fill.price).toBe("3000.25");
  });
});

describe("paper broker: marketable limit orders", () => {
  it("a buy limit above the touch pays the slipped touch, not its limit", () => {
    const b = broker();
    b.onTick(tick(50_000));
    const { fill } = fillOf(b.submit(newOrder({ type: "LIMIT", price: "50100", quantity: "0.2" })));
    expect(fill).toMatchObject({ price: "50050", liquidity: "TAKER", fee: "5.005" });
  });

  it("never pays more than the limit when slippage would take it through", () => {
    const b = broker();
    b.onTick(tick(50_000));
    expect(fillOf(b.submit(newOrder({ type: "LIMIT", price: "50020", quantity: "0.2" }))).fill.price).toBe("50020");
  });

  it("a sell limit below the touch receives max(limit, slipped touch)", () => {
    const b = broker();
    b.onTick(tick(50_000));
    expect(fillOf(b.submit(newOrder({ side: "SELL", type: "LIMIT", price: "49900" }))).fill.price).toBe("49950");
    expect(fillOf(b.submit(newOrder({ side: "SELL", type: "LIMIT", price: "49980" }))).fill.price).toBe("49980");
  });

  it("an IOC limit that is not marketable is accepted then canceled, never rests", () => {
    const b = broker();
    b.onTick(tick(50_000));
    const events = b.submit(newOrder({ type: "LIMIT", price: "49000", timeInForce: "IOC" }));
    expect(events.map((e) => [e.type, e.order.status])).toEqual([
      ["accepted", "ACCEPTED"],
      ["canceled", "CANCELED"],
    ]);
    expect(b.openOrders()).toEqual([]);
  });
});

describe("paper broker: validation", () => {
  const b = broker();
  b.onTick(tick(50_000));
  it.each([
    ["zero quantity", { quantity: "0" }, "INVALID_QUANTITY"],
    ["negative quantity", { quantity: "-1" }, "INVALID_QUANTITY"],
    ["quantity off the lot grid", { quantity: "0.00005" }, "INVALID_QUANTITY"],
    ["quantity in exponent form", { quantity: "1e-1" }, "INVALID_QUANTITY"],
    ["limit without a price", { type: "LIMIT" as const }, "INVALID_PRICE"],
    ["limit price off the tick grid", { type: "LIMIT" as const, price: "49999.95" }, "INVALID_PRICE"],
    ["zero stop price", { type: "STOP" as const, price: "0" }, "INVALID_PRICE"],
    ["unknown symbol", { symbol: "DOGEUSDT" }, "UNKNOWN_SYMBOL"],
  ])("rejects %s", (_name, overrides, reason) => {
    const events = b.submit(newOrder(overrides));
    expect(events).toEqual([expect.objectContaining({ type: "rejected", reason })]);
    expect(events[0]?.order.status).toBe("REJECTED");
  });
});
