import type { Decimal } from "decimal.js";
import type { BarExecution } from "./bar-executions";

/** The first bar where live and backtest part ways, and how. */
export interface Divergence {
  barOpenTime: number;
  reason: string;
}

export interface MatchedExecution {
  barOpenTime: number;
  /** How much worse the live price was for the trader than the backtest's, in basis points (negative: better). */
  adverseBps: number;
}

export interface ExecutionMatch {
  matched: MatchedExecution[];
  firstDivergence: Divergence | null;
}

/** Walks both bar-by-bar trade lists in time order: same bars, sides, quantities, and prices within tolerance. */
export function matchExecutions(live: readonly BarExecution[], backtest: readonly BarExecution[], priceToleranceBps: number): ExecutionMatch {
  const matched: MatchedExecution[] = [];
  let firstDivergence: Divergence | null = null;
  const diverge = (barOpenTime: number, reason: string) => (firstDivergence ??= { barOpenTime, reason });
  let i = 0;
  let j = 0;
  while (i < live.length || j < backtest.length) {
    const l = live[i];
    const b = backtest[j];
    if (b === undefined || (l !== undefined && l.barOpenTime < b.barOpenTime)) {
      diverge(l.barOpenTime, `live ${describe(l)}; the backtest did not trade`);
      i++;
    } else if (l === undefined || b.barOpenTime < l.barOpenTime) {
      diverge(b.barOpenTime, `backtest ${describe(b)}; live did not trade`);
      j++;
    } else {
      const adverseBps = adverse(l, b);
      if (l.side === b.side) matched.push({ barOpenTime: l.barOpenTime, adverseBps });
      if (l.side !== b.side || !l.quantity.eq(b.quantity)) diverge(l.barOpenTime, `live ${describe(l)}, backtest ${describe(b)}`);
      else if (Math.abs(adverseBps) > priceToleranceBps) diverge(l.barOpenTime, `live filled at ${l.price.toFixed()}, backtest at ${b.price.toFixed()} (${adverseBps.toFixed(1)} bps)`);
      i++;
      j++;
    }
  }
  return { matched, firstDivergence };
}

function describe(execution: BarExecution): string {
  return `${execution.side === "BUY" ? "bought" : "sold"} ${execution.quantity.toFixed()} at ${execution.price.toFixed()}`;
}

function adverse(live: BarExecution, backtest: BarExecution): number {
  const difference: Decimal = live.side === "BUY" ? live.price.sub(backtest.price) : backtest.price.sub(live.price);
  return difference.div(backtest.price).mul(10_000).toNumber();
}
