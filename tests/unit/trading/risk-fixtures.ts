import { dec } from "@/lib/domain/money";
import { OrderWindow } from "@/lib/risk/order-window";
import type { PreTradeContext } from "@/lib/risk/pre-trade-context";
import { BTC } from "./fixtures";

/** Wednesday 2026-01-07 12:00:00 UTC. */
export const NOON_WEDNESDAY = Date.UTC(2026, 0, 7, 12, 0, 0);

/**
 * BTCUSDT at 50,000, flat, all in cash (100,000 = equity), 25% max position, 20,000 max order notional, no open
 * orders, no other positions, no order history: every input the live engine gives the gate.
 */
export function ctx(overrides: Partial<PreTradeContext> = {}): PreTradeContext {
  return {
    instrument: BTC,
    referencePrice: 50_000,
    positionQuantity: dec(0),
    equity: dec(100_000),
    limits: { maxOrderNotional: "20000", maxPositionFraction: "0.25" },
    state: "ACTIVE",
    now: NOON_WEDNESDAY,
    cash: dec(100_000),
    openOrders: { total: dec(0), buys: dec(0) },
    otherSymbolsExposure: dec(0),
    recentOrders: new OrderWindow(),
    ...overrides,
  };
}
