import type { Decimal } from "decimal.js";
import { dec, ZERO } from "@/lib/domain/money";
import type { Fill, OrderSide } from "@/lib/domain/order";

/** What drift needs of a fill, live or backtested, keyed by the open time of the bar whose close decided it. */
export type Execution = Pick<Fill, "side" | "quantity" | "price" | "fee"> & { bar: number };

/** The net trade decided on one bar: what the position did, at the quantity-weighted average price. */
export interface BarExecution {
  barOpenTime: number;
  side: OrderSide;
  /** Net quantity traded in the bar (positive). */
  quantity: Decimal;
  price: Decimal;
  fee: Decimal;
}

interface BarTotals {
  signed: Decimal;
  quantity: Decimal;
  notional: Decimal;
  fee: Decimal;
}

/**
 * Groups fills by the bar that decided them. A backtest may split a reversal into a close and an open where the live
 * runner sends one order for the difference, so bars, not orders, are what live and backtest can agree on. A bar
 * whose fills net to nothing moved no position and is left out (its fees still count in P&L).
 */
export function executionsByBar(fills: readonly Execution[]): BarExecution[] {
  const bars = new Map<number, BarTotals>();
  for (const fill of fills) {
    const barOpenTime = fill.bar;
    const totals = bars.get(barOpenTime) ?? { signed: ZERO, quantity: ZERO, notional: ZERO, fee: ZERO };
    const quantity = dec(fill.quantity);
    bars.set(barOpenTime, {
      signed: totals.signed.add(fill.side === "BUY" ? quantity : quantity.neg()),
      quantity: totals.quantity.add(quantity),
      notional: totals.notional.add(quantity.mul(fill.price)),
      fee: totals.fee.add(fill.fee),
    });
  }
  return [...bars.entries()]
    .filter(([, totals]) => !totals.signed.isZero())
    .sort(([a], [b]) => a - b)
    .map(([barOpenTime, totals]) => ({
      barOpenTime,
      side: totals.signed.gt(0) ? "BUY" : "SELL",
      quantity: totals.signed.abs(),
      price: totals.notional.div(totals.quantity),
      fee: totals.fee,
    }));
}
