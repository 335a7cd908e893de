import type { Decimal } from "decimal.js";
import type { OrderSide } from "@/lib/domain/order";
import { dec, floorToStep, type DecimalInput } from "@/lib/domain/money";
import { bpsFactor } from "@/lib/execution/fee-model";

/** Rounds up to a multiple of step. */
export function ceilToStep(value: Decimal, step: DecimalInput): Decimal {
  const s = dec(step);
  return value.div(s).ceil().mul(s);
}

/**
 * Price a taker pays: the touch moved against the trader by slippageBps, then rounded to the tick grid
 * away from the trader's favour (buys round up, sells round down, never below one tick).
 */
export function takerPrice(touch: Decimal, side: OrderSide, slippageBps: Decimal, tickSize: DecimalInput): Decimal {
  if (side === "BUY") return ceilToStep(touch.mul(bpsFactor(slippageBps, 1)), tickSize);
  const floored = floorToStep(touch.mul(bpsFactor(slippageBps, -1)), tickSize);
  return floored.gt(0) ? floored : dec(tickSize);
}

/** A marketable limit order never trades worse than its limit. */
export function boundedByLimit(price: Decimal, limit: Decimal, side: OrderSide): Decimal {
  return side === "BUY" ? (price.lt(limit) ? price : limit) : price.gt(limit) ? price : limit;
}
