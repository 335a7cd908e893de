import type { BacktestResultJson } from "@/lib/backtest/jobs/run-view";

type Equity = BacktestResultJson["equity"];

export interface ComparedEquityPoint {
  ts: number;
  a?: number;
  b?: number;
}

/** Equity rebased so the first point is 100: runs with different cash compare by shape, not size. */
export function rebaseTo100(equity: Equity): Array<{ ts: number; value: number }> {
  const first = equity[0]?.equity;
  if (first === undefined || first === 0) return [];
  return equity.map((p) => ({ ts: p.ts, value: (p.equity * 100) / first }));
}

/** Both rebased curves on one time axis; a time only one run has leaves the other's value out (the line bridges it). */
export function compareEquity(a: Equity, b: Equity): ComparedEquityPoint[] {
  const byTime = new Map<number, ComparedEquityPoint>();
  for (const p of rebaseTo100(a)) byTime.set(p.ts, { ts: p.ts, a: p.value });
  for (const p of rebaseTo100(b)) byTime.set(p.ts, { ...byTime.get(p.ts), ts: p.ts, b: p.value });
  return [...byTime.values()].sort((x, y) => x.ts - y.ts);
}
