import type { Instrument } from "@/lib/domain/instrument";
import type { Bar } from "@/lib/domain/market-data";
import type { RecordedBar } from "@/lib/market/replay/recording";
import { seededRandom } from "@/lib/backtest/research/params";
import type { Strategy, StrategyDecision } from "@/lib/strategy/strategy";

export const DAY = 86_400_000;
export const T0 = Date.UTC(2020, 0, 1);
export const ACME: Instrument = { symbol: "ACME", baseAsset: "ACME", quoteAsset: "USD", tickSize: "0.01", lotSize: "1", minQty: "1", venue: "backtest" };

/** A wavy random walk, one bar a day, reproducible from its seed. */
export function syntheticBars(n: number, seed = 7): RecordedBar[] {
  const random = seededRandom(seed);
  const out: RecordedBar[] = [];
  let price = 100;
  for (let i = 0; i < n; i++) {
    const open = price;
    price = Math.max(5, price * (1 + 0.02 * Math.sin(i / 9) + 0.03 * (random() - 0.5)));
    const close = Math.round(price * 100) / 100;
    out.push({ openTime: T0 + i * DAY, open, high: Math.max(open, close) + 0.5, low: Math.min(open, close) - 0.5, close, volume: 1000 });
    price = close;
  }
  return out;
}

/** Flips long/short on every bar: would trade during any warm-up that did not discard decisions. */
export class FlipStrategy implements Strategy {
  readonly id = "flip";
  readonly symbol = "ACME";
  private n = 0;
  onBar(bar: Bar): StrategyDecision {
    this.n++;
    return { strategyId: this.id, symbol: this.symbol, targetQuantity: this.n % 2 ? "1" : "-1", reason: "flip", barOpenTime: bar.openTime };
  }
  reset(): void {
    this.n = 0;
  }
}

/** Wraps a strategy and records the open time of every bar it is shown. */
export class RecordingStrategy implements Strategy {
  readonly id: string;
  readonly symbol: string;
  readonly seen: number[] = [];
  constructor(private readonly inner: Strategy) {
    this.id = inner.id;
    this.symbol = inner.symbol;
  }
  onBar(bar: Bar): StrategyDecision | null {
    this.seen.push(bar.openTime);
    return this.inner.onBar(bar);
  }
  reset(): void {
    this.inner.reset();
  }
}

export const barIndex = (openTime: number): number => Math.round((openTime - T0) / DAY);
