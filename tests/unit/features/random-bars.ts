import type { Ohlcv } from "@/lib/domain/market-data";
import { SeededRandom } from "@/lib/market/seeded-random";

/** A seeded random walk of 5-minute bars from Monday 2024-01-01 00:00 UTC. */
export function randomBars(count: number, seed = 7, start = Date.UTC(2024, 0, 1), volatility = 0.002, firstClose = 100): Ohlcv[] {
  const random = new SeededRandom(seed);
  const bars: Ohlcv[] = [];
  let close = firstClose;
  for (let i = 0; i < count; i++) {
    const open = close;
    close = open * Math.exp(volatility * random.normal());
    const high = Math.max(open, close) * (1 + 0.001 * random.uniform());
    const low = Math.min(open, close) * (1 - 0.001 * random.uniform());
    bars.push({ openTime: start + i * 300_000, open, high, low, close, volume: 10 + 5 * random.uniform() });
  }
  return bars;
}
