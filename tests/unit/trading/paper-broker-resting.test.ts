import { describe, expect, it } from "vitest";
import type { Order } from "@/lib/domain/order";
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

function fills(events: readonly BrokerEvent[]) {
  return events.flatMap((e) => (e.type === "fill" ? [e] : []));
}

function restingBuy(b: PaperBroker, id: string, price: string, quantity = "1"): Order {
  b.onTick(tick(50_000));
  const events = b.submit(newOrder({ id, type: "LIMIT", side: "BUY", price, quantity }));
  expect(events.map((e) => e.type)).toEqual(["accepted"]);
  return events[0]!.order;
}

describe("paper broker: resting limit orders", () => {
  it("rests below the market and fills as maker at its limit only when a trade prints through it", () => {
    const b = broker();
    restingBuy(b, "l1", "49990", "0.5");
    expect(b.openOrders().map((o) => o.id)).toEqual(["l1"]);
    expect(b.onTick(tick(49_995))).toEqual([]);
    expect(b.onTick(tick(49_990))).toEqual([]); // a print at the limit may be queue ahead of us: no fill
    const [event] = fills(b.onTick(tick(49_989.9)));
    // maker fee: 0.5 * 49990 * 2 / 1e4
    expect(event?.fill).toMatchObject({ price: "49990", quantity: "0.5", fee: "4.999", liquidity: "MAKER", id: "l1:0.5" });
    expect(event?.order.status).toBe("FILLED");
    expect(b.openOrders()).toEqual([]);
    expect(b.onTick(tick(49_000))).toEqual([]);
  });

  it("a sell limit fills on a print above it", () => {
    const b = broker();
    b.onTick(tick(50_000));
    b.submit(newOrder({ id: "s1", type: "LIMIT", side: "SELL", price: "50010", quantity: "0.1" }));
    expect(b.onTick(tick(50_010))).toEqual([]);
    expect(fills(b.onTick(tick(50_010.1)))[0]?.fill).toMatchObject({ price: "50010", fee: "1.0002" });
  });

  it("float noise in a print on the limit's own tick does not fill", () => {
    const b = broker();
    b.onTick(tick(3_000, 1, "ETHUSDT"));
    b.submit(newOrder({ symbol: "ETHUSDT", type: "LIMIT", side: "SELL", price: "3000.1", quantity: "1" }));
    expect(b.onTick(tick(3000.1000000000004, 1, "ETHUSDT"))).toEqual([]);
    expect(fills(b.onTick(tick(3000.11, 1, "ETHUSDT")))).toHaveLength(1);
  });

  it("with partial fills, fills against the print's size rounded down to the lot", () => {
    const b = broker({ partialFills: true });
    restingBuy(b, "p1", "49990", "1");
    const first = fills(b.onTick(tick(49_980, 0.30005)));
    expect(first.map((e) => [e.fill.quantity, e.order.status, e.order.filledQuantity])).toEqual([["0.3", "PARTIALLY_FILLED", "0.3"]]);
    expect(first[0]?.fill.id).toBe("p1:0.3");
    expect(b.onTick(tick(49_980, 0.00004))).toEqual([]); // rounds to zero lots: nothing
    const second = fills(b.onTick(tick(49_980, 5)));
    expect(second.map((e) => [e.fill.quantity, e.order.status, e.order.averageFillPrice])).toEqual([["0.7", "FILLED", "49990"]]);
    expect(second[0]?.fill.id).toBe("p1:1");
  });

  it("one print's size is shared by resting orders in price-time priority", () => {
    const b = broker({ partialFills: true });
    restingBuy(b, "low", "49990", "0.5");
    restingBuy(b, "high", "49995", "0.5");
    restingBuy(b, "high-later", "49995", "0.5");
    const events = fills(b.onTick(tick(49_980, 0.6)));
    expect(events.map((e) => [e.order.id, e.fill.quantity])).toEqual([
      ["high", "0.5"],
      ["high-later", "0.1"],
    ]);
  });

  it("without partial fills, a print through the limit fills the whole order whatever its size", () => {
    const b = broker();
    restingBuy(b, "w1", "49990", "3");
    expect(fills(b.onTick(tick(49_980, 0.001)))[0]?.fill.quantity).toBe("3");
  });
});

describe("paper broker: stop orders", () => {
  it("a buy stop triggers on a print at the stop and fills as a taker with slippage", () => {
    const b = broker();
    b.onTick(tick(50_000));
    expect(b.submit(newOrder({ id: "st1", type: "STOP", side: "BUY", price: "50100", quantity: "0.1" })).map((e) => e.type)).toEqual(["accepted"]);
    expect(b.onTick(tick(50_099.9))).toEqual([]);
    const [event] = fills(b.onTick(tick(50_100)));
    // 50100 * 1.001 = 50150.1; fee 0.1 * 50150.1 * 5 / 1e4
    expect(event?.fill).toMatchObject({ price: "50150.1", liquidity: "TAKER", fee: "2.507505" });
    expect(event?.order.status).toBe("FILLED");
  });

  it("a sell stop triggers on a print through the stop", () => {
    const b = broker();
    b.onTick(tick(50_000));
    b.submit(newOrder({ type: "STOP", side: "SELL", price: "49900", quantity: "0.1" }));
    expect(b.onTick(tick(49_900.1))).toEqual([]);
    expect(fills(b.onTick(tick(49_850)))[0]?.fill.price).toBe("49800.1"); // 49850 * 0.999 = 49800.15 -> down
  });

  it("a stop already through the last price triggers on arrival", () => {
    const b = broker();
    b.onTick(tick(50_000));
    const events = b.submit(newOrder({ type: "STOP", side: "BUY", price: "49000", quantity: "0.1" }));
    expect(events.map((e) => e.type)).toEqual(["accepted", "fill"]);
    expect(fills(events)[0]?.fill.price).toBe("50050");
  });
});

describe("paper broker: cancel and restore", () => {
  it("cancels a resting order, which then never fills", () => {
    const b = broker();
    restingBuy(b, "c1", "49990");
    const result = b.cancel("c1");
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.events.map((e) => [e.type, e.order.status])).toEqual([["canceled", "CANCELED"]]);
    expect(b.onTick(tick(40_000))).toEqual([]);
    expect(b.openOrders()).toEqual([]);
  });

  it("refuses to cancel an unknown or already finished order without throwing", () => {
    const b = broker();
    restingBuy(b, "c2", "49990");
    b.cancel("c2");
    expect(b.cancel("c2")).toEqual({ ok: false, orderId: "c2", reason: "ORDER_NOT_OPEN" });
    expect(b.cancel("nope")).toEqual({ ok: false, orderId: "nope", reason: "ORDER_NOT_OPEN" });
  });

  it("a canceled partial fill keeps what was filled", () => {
    const b = broker({ partialFills: true });
    restingBuy(b, "c3", "49990", "1");
    b.onTick(tick(49_980, 0.25));
    const result = b.cancel("c3");
    expect(result.ok && result.events[0]?.order).toMatchObject({ status: "CANCELED", filledQuantity: "0.25" });
  });

  it("submitting an id that is already resting is a no-op", () => {
    const b = broker();
    const order = restingBuy(b, "d1", "49990");
    expect(b.submit({ ...order, status: "NEW" })).toEqual([]);
    expect(b.openOrders()).toHaveLength(1);
  });

  it("restores resting orders after a restart and fills only their remainder", () => {
    const first = broker({ partialFills: true });
    restingBuy(first, "r1", "49990", "1");
    first.onTick(tick(49_980, 0.4));
    const saved = first.openOrders();
    expect(saved[0]).toMatchObject({ status: "PARTIALLY_FILLED", filledQuantity: "0.4" });

    const second = broker({ partialFills: true });
    second.restore(saved);
    expect(second.openOrders()).toEqual(saved);
    const [event] = fills(second.onTick(tick(49_980, 10)));
    expect(event?.fill).toMatchObject({ quantity: "0.6", id: "r1:1" });
    expect(event?.order.status).toBe("FILLED");
  });

  it("refuses to restore orders that cannot rest", () => {
    const b = broker();
    const filled = newOrder({ type: "LIMIT", price: "1", status: "FILLED" });
    const market = newOrder({ status: "ACCEPTED" });
    expect(() => b.restore([filled])).toThrow(RangeError);
    expect(() => b.restore([market])).toThrow(RangeError);
    expect(b.openOrders()).toEqual([]);
  });

  it("uses the injected fill id factory", () => {
    let n = 0;
    const b = broker({ idFactory: () => `fill-${++n}` });
    b.onTick(tick(50_000));
    expect(fills(b.submit(newOrder()))[0]?.fill.id).toBe("fill-1");
  });
});
