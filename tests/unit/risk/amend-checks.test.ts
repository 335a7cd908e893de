import { describe, expect, it } from "vitest";
import type { Instrument } from "@/lib/domain/instrument";
import { OrderWindow } from "@/lib/risk/order-window";
import { createPreTradeGate } from "@/lib/risk/pre-trade-gate";
import { BTC, intent } from "../trading/fixtures";
import { ctx, NOON_WEDNESDAY } from "../trading/risk-fixtures";

const gate = createPreTradeGate();

describe("the pre-trade gate on an amend", () => {
  it("does not take an amend to the terms of an order just sent for a duplicate", () => {
    const recentOrders = new OrderWindow();
    const order = intent({ type: "LIMIT", quantity: "0.1", price: "49000" });
    recentOrders.record(order, NOON_WEDNESDAY);
    const limits = { maxOrderNotional: "20000", maxPositionFraction: "0.25", duplicateWindowMs: 60_000 };
    expect(gate(ctx({ recentOrders, limits }), order)).toMatchObject({ approved: false, rejection: { code: "DUPLICATE_ORDER" } });
    expect(gate(ctx({ recentOrders, limits, amending: true }), order)).toEqual({ approved: true });
  });

  it("does not count an amend against the order rate", () => {
    const recentOrders = new OrderWindow();
    recentOrders.record(intent({ type: "LIMIT", price: "48000" }), NOON_WEDNESDAY);
    const limits = { maxOrderNotional: "20000", maxPositionFraction: "0.25", maxOrdersPerMinute: 1, maxOrdersPerMinutePerStrategy: 1 };
    const amended = intent({ type: "LIMIT", quantity: "0.1", price: "49000" });
    expect(gate(ctx({ recentOrders, limits }), amended)).toMatchObject({ approved: false, rejection: { code: "ORDER_RATE_LIMIT" } });
    expect(gate(ctx({ recentOrders, limits, amending: true }), amended)).toEqual({ approved: true });
  });

  it("asks the lot grid but not the minimum quantity of a partly filled order's remainder", () => {
    const instrument: Instrument = { ...BTC, minQty: "0.01" };
    const remainder = intent({ type: "LIMIT", quantity: "0.0005", price: "49000" });
    expect(gate(ctx({ instrument }), remainder)).toMatchObject({ approved: false, rejection: { code: "INVALID_QUANTITY" } });
    expect(gate(ctx({ instrument, amending: true }), remainder)).toEqual({ approved: true });
    const offGrid = intent({ type: "LIMIT", quantity: "0.00005", price: "49000" });
    expect(gate(ctx({ instrument, amending: true }), offGrid)).toMatchObject({ approved: false, rejection: { code: "INVALID_QUANTITY" } });
  });

  it("still refuses what makes the order too big", () => {
    const bigger = intent({ type: "LIMIT", quantity: "0.5", price: "49000" });
    expect(gate(ctx({ amending: true }), bigger)).toMatchObject({ approved: false, rejection: { code: "MAX_ORDER_NOTIONAL" } });
  });
});
