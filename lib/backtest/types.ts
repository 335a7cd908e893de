import type { Decimal } from "decimal.js";
import type { Instrument } from "@/lib/domain/instrument";
import type { BarInterval } from "@/lib/domain/market-data";
import type { Fill, OrderSide } from "@/lib/domain/order";
import type { RecordedBar, RecordedTrade } from "@/lib/market/replay/recording";
import type { RiskReasonCode } from "@/lib/risk/reason-codes";
import type { Strategy } from "@/lib/strategy/strategy";
import type { BacktestStats } from "@/lib/backtest/stats";

/** How an entry's size is chosen when it fills. */
export type BacktestSizing =
  /** backtesting.py's default `buy()`: (1 - 2^-52) of the margin available, in whole lots. */
  | { kind: "all-in-units" }
  /** A fixed quantity (decimal string) per entry. */
  | { kind: "fixed"; quantity: string }
  /** A fraction (0 < f <= 1) of the margin available, floored to the lot size. */
  | { kind: "fraction"; fraction: number }
  /** Lose at most this fraction of equity if the stop-loss is hit (needs exits.stopLossPct); capped by the margin available. */
  | { kind: "risk"; fraction: number }
  /**
   * The strategy's targetQuantity is the position to hold: one market order for target - position, as the live
   * StrategyRunner trades it. Entry types and the exclusive-orders switch do not apply.
   */
  | { kind: "target" };

/** Per-trade exits as fractions of the entry price (0.02 = 2 %). */
export interface BacktestExits {
  stopLossPct?: number;
  takeProfitPct?: number;
  /** The stop follows the best high (long) or low (short) of each closed bar at this distance. */
  trailingStopPct?: number;
}

/** How an entry is sent once the strategy asks for a position. */
export interface BacktestEntry {
  type: "market" | "limit" | "stop";
  /** Distance from the signal bar's close, a fraction: limits below (buy) / above (sell), stops the other way. Default 0. */
  offsetPct?: number;
  /** Limit/stop entries are canceled if still unfilled after this many bars. Default: until filled or the next signal. */
  validBars?: number;
}

/** Optional pre-trade limits (the live gate's checks); an order they refuse is not sent and is reported. */
export interface BacktestRiskLimits {
  maxOrderNotional?: string;
  maxPositionFraction?: string;
}

/** What the strategy factory is given: the simulated clock (the only clock a backtested strategy may use). */
export interface BacktestStrategyContext {
  now: () => number;
}

export interface BacktestConfig {
  /** The bars to run on; or, instead, recorded trades with `barIntervalMs` (fill "intrabar"). */
  bars?: readonly RecordedBar[];
  /** Recorded trade prints: aggregated into bars for the strategy; orders fill on the prints (fill "intrabar"). */
  trades?: readonly RecordedTrade[];
  /** Bar length for `trades` (one of the live BarAggregator's intervals: 1s, 1m, 5m, 1h). */
  barIntervalMs?: number;
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
  /** "next-open" (default): orders placed on a bar's close fill at the next bar's open. "close": at that close. "intrabar": at the next trade print (needs `trades`). */
  fill?: "next-open" | "close" | "intrabar";
  /** A new entry first closes every open trade (backtesting.py `exclusive_orders`). Default true. */
  exclusiveOrders?: boolean;
  /** Close open trades on the last bar (at its open for "next-open", its close for "close"). Default true. */
  finalize?: boolean;
  sizing?: BacktestSizing;
  exits?: BacktestExits;
  entry?: BacktestEntry;
  risk?: BacktestRiskLimits;
  /** Fee of maker (resting limit) fills, a fraction of traded value. Default: `commission`. */
  makerCommission?: string | number;
  /** Resting limits fill against each print's size (intrabar only, as the live PAPER_PARTIAL_FILLS). Default false. */
  partialFills?: boolean;
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

export interface BacktestOrderRecord {
  ts: number;
  side: OrderSide;
  quantity: string;
  type: string;
  price?: string;
  /** Final status: FILLED, CANCELED (expired or its trade closed), REJECTED, or ACCEPTED when still resting at the end. */
  status: string;
}

export interface BacktestRejection {
  ts: number;
  code: RiskReasonCode;
  message: string;
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
  /** Every order sent (or refused), in submission order. */
  orders: BacktestOrderRecord[];
  fills: Fill[];
  /** Orders the pre-trade gate refused: not sent, not filled. */
  rejectedOrders: BacktestRejection[];
}
