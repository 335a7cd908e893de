import type { Decimal } from "decimal.js";
import { dec, ZERO, type DecimalInput } from "@/lib/domain/money";

export interface AtrStopSizing {
  equity: Decimal;
  /** Share of equity lost if the stop is hit, e.g. 0.01. */
  riskFraction: DecimalInput;
  /** Average true range, in price units, over the bars the strategy trades. */
  atr: DecimalInput;
  /** The stop sits this many ATRs from the entry. */
  atrMultiple: DecimalInput;
}

/**
 * Fixed fractional with an ATR stop: qty = equity x riskFraction / (atrMultiple x ATR), so a stop-out loses
 * riskFraction of equity (before slippage). 0 when any input is not positive. Not yet on the lot grid: clipToLimits.
 */
export function atrStopQuantity({ equity, riskFraction, atr, atrMultiple }: AtrStopSizing): Decimal {
  const stopDistance = dec(atrMultiple).mul(atr);
  const risk = dec(riskFraction);
  if (!equity.gt(0) || !risk.gt(0) || !stopDistance.gt(0)) return ZERO;
  return equity.mul(risk).div(stopDistance);
}
