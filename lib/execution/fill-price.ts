import type { Decimal } from "decimal.js";
import type { OrderSide } from "@/lib/domain/order";
import type { StepGrid } from "@/lib/execution/step-grid";

/** The slippage multipliers of a venue (bpsFactor for each side), computed once. */
export interface SlippageFactors {
  buy: Decimal;
  sell: Decimal;
}

/**
 * Price a taker pays: the touch (on the tick grid) moved against the trader by the slippage factor, then rounded
 * to the tick grid away from the trader's favour (buys round up, sells round down, never below one tick).
 */
export function takerPrice(touch: Decimal, side: OrderSide, slippage: SlippageFactors, tick: StepGrid): Decimal {
  const factor = side === "BUY" ? slippage.buy : slippage.sell;
  const slipped = factor.eq(1) ? touch : touch.mul(factor);
  if (side === "BUY") return tick.ceil(slipped);
  const floored = tick.floor(slipped);
  return floored.gt(0) ? floored : tick.step;
}

/** A marketable limit order never trades worse than its limit. */
export function boundedByLimit(price: Decimal, limit: Decimal, side: OrderSide): Decimal {
  return side === "BUY" ? (price.lt(limit) ? price : limit) : price.gt(limit) ? price : limit;
}
