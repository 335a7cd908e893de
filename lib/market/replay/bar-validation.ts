import { RecordingFormatError, type RecordedBar } from "@/lib/market/replay/recording";

/** Rejects candles that cannot be real: non-finite values, non-positive prices, high/low not enclosing the others. */
export function validateBar(bar: RecordedBar, source: string, row: number): RecordedBar {
  const { openTime, open, high, low, close, volume } = bar;
  if (!Number.isFinite(openTime)) throw new RecordingFormatError(source, row, "time is not a valid date");
  for (const [field, value] of [["open", open], ["high", high], ["low", low], ["close", close]] as const) {
    if (!Number.isFinite(value) || value <= 0) throw new RecordingFormatError(source, row, `${field} must be a positive number, got ${value}`);
  }
  if (!Number.isFinite(volume) || volume < 0) throw new RecordingFormatError(source, row, `volume must be a non-negative number, got ${volume}`);
  if (high < Math.max(open, close, low) || low > Math.min(open, close)) {
    throw new RecordingFormatError(source, row, `inconsistent OHLC (open ${open}, high ${high}, low ${low}, close ${close})`);
  }
  return bar;
}

/** Bars must be strictly increasing in time: a duplicate or reversed candle means a broken file. */
export function validateBarOrder(bars: readonly RecordedBar[], source: string, firstRow: number): void {
  for (let i = 1; i < bars.length; i++) {
    if (bars[i].openTime <= bars[i - 1].openTime) {
      throw new RecordingFormatError(source, i + firstRow, `time ${new Date(bars[i].openTime).toISOString()} is not after the previous row`);
    }
  }
}
