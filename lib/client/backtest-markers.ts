import type { SeriesMarker, UTCTimestamp } from "lightweight-charts";
import type { TradeJson } from "@/lib/backtest/jobs/run-view";
import { DOWN_COLOR, UP_COLOR } from "@/lib/client/chart-data";

/** Chart time (seconds) of a millisecond timestamp. */
export function chartTime(ms: number): UTCTimestamp {
  return Math.floor(ms / 1000) as UTCTimestamp;
}

/**
 * The candle a time falls in: the last one opening at or before it. The price chart's candles are thinned, so a
 * trade's own bar may have been merged into an earlier one; a marker on a time with no candle would not be drawn.
 */
export function candleTimeAt(candleTimes: readonly UTCTimestamp[], time: UTCTimestamp): UTCTimestamp | null {
  let low = 0;
  let high = candleTimes.length - 1;
  let found: UTCTimestamp | null = null;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (candleTimes[mid] <= time) {
      found = candleTimes[mid];
      low = mid + 1;
    } else {
      high = mid - 1;
    }
  }
  return found;
}

export function isShort(trade: Pick<TradeJson, "size">): boolean {
  return trade.size.trim().startsWith("-");
}

/**
 * Entry and exit arrows for each trade: a long enters with an up arrow below the bar and exits with a down arrow
 * above it, a short the other way round; longs are green, shorts red. Sorted by time, as the chart requires.
 */
export function tradeMarkers(trades: readonly TradeJson[], candleTimes: readonly UTCTimestamp[]): SeriesMarker<UTCTimestamp>[] {
  const markers: SeriesMarker<UTCTimestamp>[] = [];
  for (const [index, trade] of trades.entries()) {
    const short = isShort(trade);
    const color = short ? DOWN_COLOR : UP_COLOR;
    const entry = candleTimeAt(candleTimes, chartTime(trade.entryTime));
    const exit = candleTimeAt(candleTimes, chartTime(trade.exitTime));
    if (entry !== null) {
      markers.push({ id: `entry-${index}`, time: entry, position: short ? "aboveBar" : "belowBar", shape: short ? "arrowDown" : "arrowUp", color, text: short ? "Short" : "Long" });
    }
    if (exit !== null) {
      markers.push({ id: `exit-${index}`, time: exit, position: short ? "belowBar" : "aboveBar", shape: short ? "arrowUp" : "arrowDown", color, text: "Exit" });
    }
  }
  return markers.sort((a, b) => a.time - b.time);
}
