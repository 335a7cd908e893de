import type { BacktestStats } from "@/lib/backtest/stats";
import type { BacktestResult, BacktestTrade, EquityPoint } from "@/lib/backtest/types";
import type { RecordedBar } from "@/lib/market/replay/recording";
import type { BacktestResultJson, StatsJson, TradeJson } from "./run-view";

/** Charts never need more points than a screen is wide; stored results stay small whatever the bar count. */
export const MAX_CHART_POINTS = 2_000;

/** NaN and infinities (a Sharpe ratio without trades, a profit factor without losses) have no JSON form: null. */
export function finiteOrNull(value: number): number | null {
  return Number.isFinite(value) ? value : null;
}

export function statsJson(stats: BacktestStats): StatsJson {
  return Object.fromEntries(Object.entries(stats).map(([key, value]) => [key, finiteOrNull(value)]));
}

export function tradeJson(trade: BacktestTrade): TradeJson {
  const { size, entryTime, exitTime, entryPrice, exitPrice, pnl, commission, returnPct } = trade;
  return { size, entryTime, exitTime, entryPrice, exitPrice, pnl, commission, returnPct };
}

/** Indices of at most `max` evenly spread points of `length`, always the first and the last. */
function sampleIndices(length: number, max: number): number[] {
  if (length <= max) return Array.from({ length }, (_, i) => i);
  const step = (length - 1) / (max - 1);
  return Array.from({ length: max }, (_, k) => Math.round(k * step));
}

/** Equity with its drawdown from the running peak (computed on every point before thinning, so no dip is lost). */
export function equityJson(points: readonly EquityPoint[], max = MAX_CHART_POINTS): BacktestResultJson["equity"] {
  let peak = Number.NEGATIVE_INFINITY;
  const full = points.map((p) => {
    const equity = Number(p.equity);
    peak = Math.max(peak, equity);
    return { ts: p.ts, equity, drawdownPct: peak > 0 ? (equity / peak - 1) * 100 : 0 };
  });
  return sampleIndices(full.length, max).map((i) => full[i]);
}

/** Bars merged into at most `max` candles: first open, highest high, lowest low, last close of each group. */
export function candlesJson(bars: readonly RecordedBar[], max = MAX_CHART_POINTS): BacktestResultJson["candles"] {
  const group = Math.ceil(bars.length / max);
  const candles: BacktestResultJson["candles"] = [];
  for (let start = 0; start < bars.length; start += group) {
    const end = Math.min(start + group, bars.length);
    let high = bars[start].high;
    let low = bars[start].low;
    for (let i = start + 1; i < end; i++) {
      high = Math.max(high, bars[i].high);
      low = Math.min(low, bars[i].low);
    }
    candles.push({ time: bars[start].openTime, open: bars[start].open, high, low, close: bars[end - 1].close });
  }
  return candles;
}

export function backtestResultJson(result: BacktestResult, bars: readonly RecordedBar[], symbol: string): BacktestResultJson {
  return {
    stats: statsJson(result.stats),
    trades: result.trades.map(tradeJson),
    equity: equityJson(result.equity),
    candles: candlesJson(bars),
    symbol,
    barCount: bars.length,
  };
}
