import { runBacktest } from "@/lib/backtest/backtest-engine";
import type { BacktestResult } from "@/lib/backtest/types";
import type { Instrument } from "@/lib/domain/instrument";
import { dec, floorToStep } from "@/lib/domain/money";
import type { RecordedTrade } from "@/lib/market/replay/recording";
import { MaCrossStrategy } from "@/lib/strategy/ma-cross";
import { STRATEGY, type StrategySettings } from "./live-replay";

export interface SamePrintsOptions {
  instrument: Instrument;
  cash: string;
  maxOrderNotional: string;
  maxPositionFraction: string;
}

/**
 * The backtester on the prints the paper engine replayed, set up as the engine runs: bars from the live aggregator,
 * market orders for target - position at the next print, the paper fees, slippage and pre-trade limits, and the
 * runner's quantity (STRATEGY_NOTIONAL at the first bar's close, floored to the lot).
 */
export function backtestSamePrints(trades: readonly RecordedTrade[], options: SamePrintsOptions, strategy: StrategySettings = STRATEGY): BacktestResult {
  const { instrument } = options;
  const firstBar = Math.floor(trades[0].ts / strategy.intervalMs);
  const firstClose = trades.filter((t) => Math.floor(t.ts / strategy.intervalMs) === firstBar).at(-1)!.price;
  const quantity = floorToStep(dec(strategy.notional).div(firstClose), instrument.lotSize).toFixed();
  return runBacktest({
    trades,
    barIntervalMs: strategy.intervalMs,
    fill: "intrabar",
    instrument,
    strategy: new MaCrossStrategy({ symbol: instrument.symbol, interval: strategy.interval, fast: strategy.fast, slow: strategy.slow, quantity }),
    cash: options.cash,
    commission: dec(strategy.takerFeeBps).div(10_000).toFixed(),
    slippageBps: strategy.slippageBps,
    sizing: { kind: "target" },
    exclusiveOrders: false,
    finalize: false,
    risk: { maxOrderNotional: options.maxOrderNotional, maxPositionFraction: options.maxPositionFraction },
  });
}

/** Open time of the bar whose close decided an order sent at ts: the last bar that closed before it. */
export function decisionBar(result: BacktestResult, ts: number, intervalMs: number = STRATEGY.intervalMs): number {
  const closed = result.equity.filter((point) => point.ts + intervalMs <= ts);
  return closed[closed.length - 1].ts;
}
