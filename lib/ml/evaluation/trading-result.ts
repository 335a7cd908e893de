import { Decimal } from "decimal.js";
import { runBacktest } from "@/lib/backtest/backtest-engine";
import type { Instrument } from "@/lib/domain/instrument";
import type { RecordedBar } from "@/lib/market/replay/recording";
import type { Direction } from "@/lib/ml/labels";
import { DirectionStrategy } from "@/lib/ml/evaluation/direction-strategy";
import { perBarSharpe } from "@/lib/ml/evaluation/per-bar-sharpe";

export interface TradingCosts {
  /** Fraction of traded value per fill (0.001 = 10 bps), charged on entry and exit. */
  commission: number;
  slippageBps: number;
}

export interface TradingResult {
  returnPct: number;
  /** Per-bar, annualised (see perBarSharpe). */
  sharpeRatio: number;
  maxDrawdownPct: number;
  trades: number;
}

const INSTRUMENT: Instrument = { symbol: "ML-EVAL", baseAsset: "BASE", quoteAsset: "QUOTE", tickSize: "0.00000001", lotSize: "0.00000001", minQty: "0.00000001", venue: "backtest" };
const CASH = 100_000;

/**
 * Backtests holding `directions[i]` from the close of `bars[i]` (filled at the next open, with costs) over the
 * given bars, one unit of equity's worth of the asset at the first close long or short. The last bar only
 * closes the position.
 */
export function tradeDirections(bars: readonly RecordedBar[], directions: readonly Direction[], costs: TradingCosts, name: string): TradingResult {
  if (bars.length < 2 || directions.length > bars.length) throw new RangeError(`need at least 2 bars and no more directions than bars`);
  const byTime = new Map(directions.map((d, i) => [bars[i].openTime, d] as const));
  const quantity = new Decimal(CASH).div(bars[0].close).toDecimalPlaces(8, Decimal.ROUND_DOWN).toFixed();
  const result = runBacktest({
    bars, instrument: INSTRUMENT, strategy: new DirectionStrategy(INSTRUMENT.symbol, byTime, quantity, name), cash: CASH,
    commission: costs.commission, slippageBps: costs.slippageBps, sizing: { kind: "target" }, fill: "next-open", finalize: true,
  });
  const { returnPct, maxDrawdownPct, trades } = result.stats;
  return { returnPct, sharpeRatio: perBarSharpe(result.equity, bars[1].openTime - bars[0].openTime), maxDrawdownPct, trades };
}
