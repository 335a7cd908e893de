import type { DecimalInput } from "@/lib/domain/money";
import { executionsByBar, type Execution } from "./bar-executions";
import { fillsPnl } from "./fill-pnl";
import { matchExecutions, type Divergence } from "./match-executions";

export interface DriftSide {
  /** Bars in which the position changed (one order each for the live runner). */
  orders: number;
  fills: number;
  /** Decimal strings. */
  pnl: string;
  position: string;
  fees: string;
}

export interface DriftReport {
  live: DriftSide;
  backtest: DriftSide;
  /** Bars where both traded the same side. */
  matched: number;
  /** Live price worse than the backtest's for the trader, in bps: mean (signed) and max (absolute); null with no match. */
  fillDriftBps: { mean: number | null; max: number | null };
  /** Live P&L minus backtest P&L, decimal string. */
  pnlDrift: string;
  firstDivergence: Divergence | null;
  /** Live fills decided after the horizon, which the backtest cannot have filled yet: compared once it can. */
  pendingLiveFills: number;
}

export interface DriftInput {
  live: readonly Execution[];
  backtest: readonly Execution[];
  /** Open time of the last decision bar the backtest could fill (the one before its last bar); later ones are pending. */
  horizon: number;
  /** Price both positions are valued at (the last bar's close). */
  mark: DecimalInput;
  /** A matched fill further apart than this is a divergence. */
  priceToleranceBps: number;
}

/** Compares what the live strategy did with what the backtest of the same bars says it should have done. */
export function driftReport(input: DriftInput): DriftReport {
  const live = input.live.filter((f) => f.bar <= input.horizon);
  const backtest = input.backtest.filter((f) => f.bar <= input.horizon);
  const liveBars = executionsByBar(live);
  const backtestBars = executionsByBar(backtest);
  const { matched, firstDivergence } = matchExecutions(liveBars, backtestBars, input.priceToleranceBps);
  const livePnl = fillsPnl(live, input.mark);
  const backtestPnl = fillsPnl(backtest, input.mark);
  const drifts = matched.map((m) => m.adverseBps);
  return {
    live: { orders: liveBars.length, fills: live.length, pnl: livePnl.pnl.toFixed(), position: livePnl.position.toFixed(), fees: livePnl.fees.toFixed() },
    backtest: { orders: backtestBars.length, fills: backtest.length, pnl: backtestPnl.pnl.toFixed(), position: backtestPnl.position.toFixed(), fees: backtestPnl.fees.toFixed() },
    matched: matched.length,
    fillDriftBps: {
      mean: drifts.length === 0 ? null : drifts.reduce((a, b) => a + b, 0) / drifts.length,
      max: drifts.length === 0 ? null : Math.max(...drifts.map(Math.abs)),
    },
    pnlDrift: livePnl.pnl.sub(backtestPnl.pnl).toFixed(),
    firstDivergence,
    pendingLiveFills: input.live.length - live.length,
  };
}
