import type { CandlestickData, HistogramData, UTCTimestamp } from "lightweight-charts";
import type { Bar } from "@/lib/domain/market-data";

export const UP_COLOR = "#22c55e";
export const DOWN_COLOR = "#ef4444";
const UP_VOLUME = "rgba(34, 197, 94, 0.45)";
const DOWN_VOLUME = "rgba(239, 68, 68, 0.45)";

export function barTime(bar: Pick<Bar, "openTime">): UTCTimestamp {
  return Math.floor(bar.openTime / 1000) as UTCTimestamp;
}

export function toCandle(bar: Bar): CandlestickData<UTCTimestamp> {
  return { time: barTime(bar), open: bar.open, high: bar.high, low: bar.low, close: bar.close };
}

export function toVolume(bar: Bar): HistogramData<UTCTimestamp> {
  return { time: barTime(bar), value: bar.volume, color: bar.close >= bar.open ? UP_VOLUME : DOWN_VOLUME };
}

/** lightweight-charts requires strictly ascending, unique times; the last bar for a time wins. */
export function normalizeBars(bars: readonly Bar[]): Bar[] {
  const byTime = new Map<number, Bar>();
  for (const bar of bars) byTime.set(barTime(bar), bar);
  return [...byTime.entries()].sort((a, b) => a[0] - b[0]).map(([, bar]) => bar);
}
