import type { Decimal } from "decimal.js";
import { dec } from "@/lib/domain/money";
import type { StepGrid } from "@/lib/execution/step-grid";
import type { BacktestEntry, BacktestExits } from "@/lib/backtest/types";
import type { OpenTrade } from "@/lib/backtest/trade-book";

export interface ExitLevels {
  /** Stop price: the stop-loss or the trailing stop, whichever is tighter. */
  stop: Decimal | null;
  takeProfit: Decimal | null;
}

/**
 * Exit prices of a trade, on the tick grid and rounded away from the entry (a stop never sits closer than asked,
 * a target never nearer). The trailing stop trails `trade.best`, the best high/low of the bars closed so far.
 */
export function exitLevels(trade: OpenTrade, exits: BacktestExits, tick: StepGrid): ExitLevels {
  const long = trade.size.isPositive();
  const away = (price: Decimal, up: boolean) => (up ? tick.ceil(price) : tick.floor(price));
  const offset = (base: Decimal, pct: number, up: boolean) => away(base.mul(dec(1).add(up ? pct : -pct)), up);
  const stops: Decimal[] = [];
  if (exits.stopLossPct !== undefined) stops.push(offset(trade.entryPrice, exits.stopLossPct, !long));
  if (exits.trailingStopPct !== undefined) stops.push(offset(dec(trade.best), exits.trailingStopPct, !long));
  const tighter = (a: Decimal, b: Decimal) => (long ? (a.gt(b) ? a : b) : a.lt(b) ? a : b);
  const stop = stops.length === 0 ? null : stops.reduce(tighter);
  const takeProfit = exits.takeProfitPct === undefined ? null : offset(trade.entryPrice, exits.takeProfitPct, long);
  return { stop: stop !== null && stop.gt(0) ? stop : null, takeProfit: takeProfit !== null && takeProfit.gt(0) ? takeProfit : null };
}

/**
 * Limit/stop entry price at offsetPct from the signal close: buy limits below and buy stops above it (sells
 * mirrored), rounded away from the close.
 */
export function entryPrice(entry: BacktestEntry, direction: 1 | -1, signalClose: number, tick: StepGrid): Decimal {
  const above = (entry.type === "stop") === direction > 0;
  const pct = entry.offsetPct ?? 0;
  const raw = dec(signalClose).mul(dec(1).add(above ? pct : -pct));
  return above ? tick.ceil(raw) : tick.floor(raw);
}
