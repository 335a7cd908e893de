import type { Decimal } from "decimal.js";
import type { Instrument } from "@/lib/domain/instrument";
import type { BarInterval } from "@/lib/domain/market-data";
import type { RecordedBar } from "@/lib/market/replay/recording";
import type { Strategy } from "@/lib/strategy/strategy";
import type { BacktestStats } from "@/lib/backtest/stats";

/** How an entry's size is chosen when it fills. */
export type BacktestSizing =
  /** backtesting.py's default `buy()`: (1 - 2^-52) of the margin available, in whole lots. */
  | { kind: "all-in-units" }
  /** A fixed quantity (decimal string) per entry. */
  | { kind: "fixed"; quantity: string }
  /** A fraction (0 < f <= 1) of the margin available, floored to the lot size. */
  | { kind: "fraction"; fraction: number };

/** What the strategy factory is given: the simulated clock (the only clock a backtested strategy may use). */
export interface BacktestStrategyContext {
  now: () => number;
}

export interface BacktestConfig {
  bars: readonly RecordedBar[];
  instrument: Instrument;
  /** A fresh strategy, or a factory given the simulated clock. */
  strategy?: Strategy;
  strategyFactory?: (context: BacktestStrategyContext) => Strategy;
  /** Initial cash (exact decimal). */
  cash: string | number;
  /** Fraction of traded value, charged at entry and again at exit (backtesting.py `commission`). Default 0. */
  commission?: string | number;
  /** Fraction added to the entry price against the trader (backtesting.py `spread`, entries only). Default 0. */
  spread?: string | number;
  /** Slippage applied by the paper broker to every fill. Default 0. */
  slippageBps?: string | number;
  /** "next-open" (default): orders placed on a bar's close fill at the next bar's open. "close": at that close. */
  fill?: "next-open" | "close";
  /** A new entry first closes every open trade (backtesting.py `exclusive_orders`). Default true. */
  exclusiveOrders?: boolean;
  /** Close open trades on the last bar (at its open for "next-open", its close for "close"). Default true. */
  finalize?: boolean;
  sizing?: BacktestSizing;
  /** Label for the bars given to the strategy (the domain has no daily interval). Default "1m". */
  interval?: BarInterval;
  /** Bar duration in ms, for the last bar's close time. Default: the median gap of the last 100 bars. */
  intervalMs?: number;
  /** Bars the strategy needs before it can decide (backtesting.py measures Buy & Hold from there). Default 0. */
  warmupBars?: number;
}

export interface BacktestTrade {
  /** Signed units: negative for a short. */
  size: string;
  entryBar: number;
  exitBar: number;
  entryTime: number;
  exitTime: number;
  entryPrice: string;
  exitPrice: string;
  /** size * (exit - entry) - commission, exact. */
  pnl: string;
  /** Commission (fees) of both legs, exact. */
  commission: string;
  /** sign * (exit / entry - 1) - commission / (|size| * entry), a fraction. */
  returnPct: number;
}

export interface EquityPoint {
  ts: number;
  equity: string;
}

export interface BacktestResult {
  trades: BacktestTrade[];
  /** Trades still open at the end when finalize is off (left out of the statistics). */
  openTrades: BacktestTrade[];
  equity: EquityPoint[];
  stats: BacktestStats;
  /** Orders placed on the last bar that had no bar left to fill on (dropped). */
  unfilledOrders: number;
  finalCash: Decimal;
}
