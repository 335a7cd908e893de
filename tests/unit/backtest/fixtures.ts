import { runBacktest, type BacktestConfig } from "@/lib/backtest/backtest-engine";
import type { Instrument } from "@/lib/domain/instrument";
import type { Bar } from "@/lib/domain/market-data";
import type { RecordedBar } from "@/lib/market/replay/recording";
import type { Strategy, StrategyDecision } from "@/lib/strategy/strategy";

export const DAY = 86_400_000;
export const T0 = Date.UTC(2024, 0, 1);
export const ACME: Instrument = { symbol: "ACME", baseAsset: "ACME", quoteAsset: "USD", tickSize: "0.01", lotSize: "1", minQty: "1", venue: "backtest" };

/** Daily bars from [open, high, low, close]. */
export function ohlc(rows: Array<[number, number, number, number]>): RecordedBar[] {
  return rows.map(([open, high, low, close], i) => ({ openTime: T0 + i * DAY, open, high, low, close, volume: 100 }));
}

/** Emits the given target on the close of the given bar index. */
export class ScriptedStrategy implements Strategy {
  readonly id = "scripted";
  readonly symbol = "ACME";
  private index = -1;
  constructor(private readonly script: Record<number, string>) {}
  onBar(bar: Bar): StrategyDecision | null {
    this.index++;
    const target = this.script[this.index];
    return target === undefined ? null : { strategyId: this.id, symbol: this.symbol, targetQuantity: target, reason: "script", barOpenTime: bar.openTime };
  }
  reset(): void {
    this.index = -1;
  }
}

export function runScript(bars: RecordedBar[], script: Record<number, string>, extra: Partial<BacktestConfig> = {}) {
  return runBacktest({ bars, instrument: ACME, strategy: new ScriptedStrategy(script), cash: 10_000, ...extra });
}

/** Trade, entry and exit as [size, entryBar, exitBar, entryPrice, exitPrice] for compact assertions. */
export function legs(trades: ReadonlyArray<{ size: string; entryBar: number; exitBar: number; entryPrice: string; exitPrice: string }>) {
  return trades.map((t) => [t.size, t.entryBar, t.exitBar, t.entryPrice, t.exitPrice]);
}
