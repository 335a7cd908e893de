import type { Decimal } from "decimal.js";
import { dec, ZERO, type DecimalInput } from "@/lib/domain/money";

export interface KellySizing {
  equity: Decimal;
  price: DecimalInput;
  /** Probability the trade wins, 0..1. */
  winProbability: number;
  /** Average win / average loss (b). */
  payoffRatio: number;
  /** Most of equity ever staked, e.g. 0.25 for quarter-Kelly-style caution. */
  cap: number;
}

/** Kelly fraction f* = p - (1 - p) / b, clipped to [0, cap]; 0 for a payoff ratio that is not positive. */
export function cappedKellyFraction(winProbability: number, payoffRatio: number, cap: number): number {
  if (!(payoffRatio > 0) || !(winProbability >= 0 && winProbability <= 1) || !(cap > 0)) return 0;
  const kelly = winProbability - (1 - winProbability) / payoffRatio;
  return Math.min(cap, Math.max(0, kelly));
}

/** qty = equity x f* / price, f* the capped Kelly fraction. */
export function kellyQuantity({ equity, price, winProbability, payoffRatio, cap }: KellySizing): Decimal {
  const p = dec(price);
  const fraction = cappedKellyFraction(winProbability, payoffRatio, cap);
  if (!equity.gt(0) || !p.gt(0) || fraction === 0) return ZERO;
  return equity.mul(fraction).div(p);
}
