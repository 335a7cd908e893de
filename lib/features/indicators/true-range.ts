import type { Ohlcv } from "@/lib/domain/market-data";
import { runBatch, type StreamingIndicator } from "./streaming";

export type HighLowClose = Pick<Ohlcv, "high" | "low" | "close">;

/** True range: the largest of high-low, |high - previous close|, |low - previous close|; high-low on the first bar. */
export class TrueRange implements StreamingIndicator<HighLowClose, number> {
  private previousClose: number | null = null;

  update(bar: HighLowClose): number {
    const range = bar.high - bar.low;
    const previous = this.previousClose;
    this.previousClose = bar.close;
    if (previous === null) return range;
    return Math.max(range, Math.abs(bar.high - previous), Math.abs(bar.low - previous));
  }
}

export const computeTrueRange = (bars: readonly HighLowClose[]) => runBatch(new TrueRange(), bars);
