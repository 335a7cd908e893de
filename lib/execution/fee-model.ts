import type { Decimal } from "decimal.js";

const BPS_PER_UNIT = 10_000;

/**
 * Fee per unit of notional: bps / 10,000, exact (a shift of the decimal point). A negative bps is a rebate.
 * notional * rate is the same decimal as notional * bps / 10,000, without a division per fill.
 */
export function feeRate(bps: Decimal): Decimal {
  return bps.div(BPS_PER_UNIT);
}

/** Multiplier applied to a price for slippage against the trader: 1 + bps/1e4 (buy) or 1 - bps/1e4 (sell). */
export function bpsFactor(bps: Decimal, sign: 1 | -1): Decimal {
  return bps.div(BPS_PER_UNIT).mul(sign).add(1);
}
