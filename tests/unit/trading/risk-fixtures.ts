import { dec } from "@/lib/domain/money";
import type { PreTradeContext } from "@/lib/risk/pre-trade-context";
import { BTC } from "./fixtures";

/** BTCUSDT at 50,000, flat, 100,000 equity, 25% max position, 20,000 max order notional. */
export function ctx(overrides: Partial<PreTradeContext> = {}): PreTradeContext {
  return {
    instrument: BTC,
    referencePrice: 50_000,
    positionQuantity: dec(0),
    equity: dec(100_000),
    limits: { maxOrderNotional: "20000", maxPositionFraction: "0.25" },
    state: "ACTIVE",
    ...overrides,
  };
}
