import type { Decimal } from "decimal.js";
import { dec, ZERO, type DecimalInput } from "@/lib/domain/money";
import type { Execution } from "./bar-executions";

export interface FillsPnl {
  /** Cash flows of the fills, minus fees, plus the resulting position valued at the mark. */
  pnl: Decimal;
  position: Decimal;
  fees: Decimal;
}

/** P&L of a sequence of fills from a flat start, marked at a price: the same sum for live and backtest. */
export function fillsPnl(fills: readonly Execution[], mark: DecimalInput): FillsPnl {
  let cash = ZERO;
  let position = ZERO;
  let fees = ZERO;
  for (const fill of fills) {
    const quantity = dec(fill.quantity);
    const notional = quantity.mul(fill.price);
    const buy = fill.side === "BUY";
    cash = buy ? cash.sub(notional) : cash.add(notional);
    position = buy ? position.add(quantity) : position.sub(quantity);
    fees = fees.add(fill.fee);
  }
  return { pnl: cash.sub(fees).add(position.mul(mark)), position, fees };
}
