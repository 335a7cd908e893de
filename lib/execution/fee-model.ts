import type { Decimal } from "decimal.js";

const BPS_PER_UNIT = 10_000;

/** Fee in quote currency, exact: notional * bps / 10,000. A negative bps is a rebate. */
export function feeFor(notional: Decimal, bps: Decimal): Decimal {
  return notional.mul(bps).div(BPS_PER_UNIT);
}

/** Multiplier applied to a price for slippage against the trader: 1 + bps/1e4 (buy) or 1 - bps/1e4 (sell). */
export function bpsFactor(bps: Decimal, sign: 1 | -1): Decimal {
  return bps.div(BPS_PER_UNIT).mul(sign).add(1);
}
