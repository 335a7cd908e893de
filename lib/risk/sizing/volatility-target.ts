import type { Decimal } from "decimal.js";
import { dec, ZERO, type DecimalInput } from "@/lib/domain/money";

export interface VolatilityTargetSizing {
  equity: Decimal;
  /** Annualised volatility the position should contribute, e.g. 0.2 for 20 %. */
  targetVolatility: number;
  price: DecimalInput;
  /** Annualised realised volatility of the instrument (annualisedVolatility). */
  realisedVolatility: number;
}

/** Bars per year for a market that trades around the clock, e.g. 365 x 24 for hourly bars. */
export function periodsPerYear(barMs: number): number {
  return (365 * 86_400_000) / barMs;
}

/**
 * Annualised realised volatility: the sample standard deviation of log returns of consecutive closes x
 * sqrt(periodsPerYear). NaN with fewer than three closes or a non-positive one.
 */
export function annualisedVolatility(closes: readonly number[], periodsPerYearCount: number): number {
  if (closes.length < 3 || closes.some((c) => !(c > 0))) return Number.NaN;
  const returns = closes.slice(1).map((close, i) => Math.log(close / closes[i]));
  const mean = returns.reduce((sum, r) => sum + r, 0) / returns.length;
  const variance = returns.reduce((sum, r) => sum + (r - mean) ** 2, 0) / (returns.length - 1);
  return Math.sqrt(variance * periodsPerYearCount);
}

/**
 * Volatility targeting: qty = equity x targetVol / (price x realisedVol), so the position's value swings by about
 * targetVol of equity a year. Both volatilities on the same (annual) basis. 0 when any input is not positive.
 */
export function volatilityTargetQuantity({ equity, targetVolatility, price, realisedVolatility }: VolatilityTargetSizing): Decimal {
  const p = dec(price);
  if (!equity.gt(0) || !p.gt(0) || !(targetVolatility > 0) || !(realisedVolatility > 0) || !Number.isFinite(realisedVolatility)) return ZERO;
  return equity.mul(targetVolatility).div(p.mul(realisedVolatility));
}
