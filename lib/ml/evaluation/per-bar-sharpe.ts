import type { EquityPoint } from "@/lib/backtest/backtest-engine";

const YEAR_MS = 365.25 * 86_400_000;

/**
 * Sharpe of the per-bar simple returns of equity, annualised by sqrt(bars per year), risk-free rate 0. Used instead
 * of the backtester's backtesting.py Sharpe (geometric annualised return over annualised daily volatility), which
 * reaches absurd magnitudes on out-of-sample spans of a few days. 0 when equity never moves.
 */
export function perBarSharpe(equity: readonly EquityPoint[], barMs: number): number {
  const returns: number[] = [];
  for (let i = 1; i < equity.length; i++) returns.push(Number(equity[i].equity) / Number(equity[i - 1].equity) - 1);
  if (returns.length < 2) return 0;
  const mean = returns.reduce((a, b) => a + b, 0) / returns.length;
  const variance = returns.reduce((a, r) => a + (r - mean) ** 2, 0) / (returns.length - 1);
  return variance > 0 ? (mean / Math.sqrt(variance)) * Math.sqrt(YEAR_MS / barMs) : 0;
}
