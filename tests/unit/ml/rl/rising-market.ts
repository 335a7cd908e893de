import type { Instrument } from "@/lib/domain/instrument";
import type { Ohlcv } from "@/lib/domain/market-data";

export const TEST_INSTRUMENT: Instrument = {
  symbol: "TEST", baseAsset: "T", quoteAsset: "USDT", tickSize: "0.01", lotSize: "0.001", minQty: "0.001", venue: "paper",
};

/** Hourly bars from the given closes; each bar opens at the previous close. */
export function barsFromCloses(closes: readonly number[], firstOpen = closes[0]): Ohlcv[] {
  return closes.map((close, i) => {
    const open = i === 0 ? firstOpen : closes[i - 1];
    return { openTime: Date.UTC(2024, 0, 1) + i * 3_600_000, open, high: Math.max(open, close), low: Math.min(open, close), close, volume: 1 };
  });
}
