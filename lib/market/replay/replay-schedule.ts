import type { AggressorSide } from "@/lib/domain/market-data";
import type { RecordedBar, RecordedTrade, Recording } from "@/lib/market/replay/recording";

/**
 * Four prints per bar: open, then the extreme the bar most plausibly reached first (the low on an
 * up bar, the high on a down bar), then the other extreme, then the close. They sit at 0, 1/4,
 * 1/2 and 3/4 of the bar's span, so re-aggregating at the bar's interval lands all four in the
 * bar's own bucket and rebuilds its O/H/L/C; the volume is split evenly (equal up to float rounding).
 */
export function barToTrades(bar: RecordedBar, spanMs: number): RecordedTrade[] {
  const up = bar.close >= bar.open;
  const prices = up ? [bar.open, bar.low, bar.high, bar.close] : [bar.open, bar.high, bar.low, bar.close];
  const size = bar.volume / 4;
  const trades: RecordedTrade[] = [];
  let side: AggressorSide = up ? "buy" : "sell";
  let previousPrice = prices[0];
  for (let k = 0; k < 4; k++) {
    const price = prices[k];
    // Aggressor follows the move; an unchanged price keeps the previous side.
    if (price !== previousPrice) side = price > previousPrice ? "buy" : "sell";
    trades.push({ ts: bar.openTime + Math.floor((k * spanMs) / 4), price, size, side });
    previousPrice = price;
  }
  return trades;
}

/** The recording as a time-ordered list of prints, ready to replay. */
export function recordingToTrades(recording: Recording): RecordedTrade[] {
  if (recording.kind === "trades") return recording.trades;
  const { bars, intervalMs } = recording;
  const trades: RecordedTrade[] = [];
  for (let i = 0; i < bars.length; i++) {
    // A shorter gap than the nominal interval (a short month) must not push prints into the next bar.
    const span = i + 1 < bars.length ? Math.min(intervalMs, bars[i + 1].openTime - bars[i].openTime) : intervalMs;
    for (const trade of barToTrades(bars[i], span)) trades.push(trade);
  }
  return trades;
}

/**
 * How far each loop of a recording is shifted in time: past its end, rounded up to whole bar
 * intervals (whole seconds for trades) so replayed bars stay aligned to their buckets.
 */
export function loopShiftMs(recording: Recording, trades: readonly RecordedTrade[]): number {
  if (trades.length === 0) return 0;
  const unit = recording.kind === "bars" ? recording.intervalMs : 1_000;
  const span = trades[trades.length - 1].ts - trades[0].ts + unit;
  return Math.ceil(span / unit) * unit;
}
