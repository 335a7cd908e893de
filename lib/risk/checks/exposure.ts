import type { Decimal } from "decimal.js";
import type { Order } from "@/lib/domain/order";
import { dec, ZERO } from "@/lib/domain/money";
import type { OpenOrdersValue } from "@/lib/risk/pre-trade-context";

/**
 * What open orders commit: remaining quantity x limit/stop price, or x the symbol's reference price for a MARKET
 * order still in flight (0 when there is none: the order is about to fill or fail).
 */
export function openOrdersValue(orders: readonly Order[], reference: (symbol: string) => number | null): OpenOrdersValue {
  let total = ZERO;
  let buys = ZERO;
  for (const order of orders) {
    const remaining = dec(order.quantity).sub(order.filledQuantity);
    const price = order.price ?? reference(order.symbol) ?? 0;
    const value = remaining.mul(price);
    total = total.add(value);
    if (order.side === "BUY") buys = buys.add(value);
  }
  return { total, buys };
}

/** Σ |position value| over the given symbols, skipping one (the intent's, which the check values itself). */
export function grossExposureExcept(symbols: Iterable<string>, skip: string, positionValue: (symbol: string) => Decimal | null): Decimal {
  let total = ZERO;
  for (const symbol of symbols) {
    if (symbol === skip) continue;
    const value = positionValue(symbol);
    if (value !== null) total = total.add(value.abs());
  }
  return total;
}
