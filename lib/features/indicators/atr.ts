import { runBatch, type StreamingIndicator } from "./streaming";
import { type HighLowClose, TrueRange } from "./true-range";

/**
 * Average true range as ta's AverageTrueRange (Wilder): the first ATR, at bar n-1, is the mean of the first n true
 * ranges (the first TR being high-low); after that ATR = (previous * (n-1) + TR) / n. Matches cs-atr.csv (n = 14)
 * and cs-atr2.csv (n = 10) on every row where they have a value (they write 0 during warm-up; this returns null).
 */
export class Atr implements StreamingIndicator<HighLowClose, number> {
  private readonly trueRange = new TrueRange();
  private seedSum = 0;
  private seen = 0;
  private value = 0;

  constructor(readonly period = 14) {}

  update(bar: HighLowClose): number | null {
    const tr = this.trueRange.update(bar);
    this.seen++;
    if (this.seen < this.period) {
      this.seedSum += tr;
      return null;
    }
    this.value = this.seen === this.period ? (this.seedSum + tr) / this.period : (this.value * (this.period - 1) + tr) / this.period;
    return this.value;
  }
}

export const computeAtr = (bars: readonly HighLowClose[], period = 14) => runBatch(new Atr(period), bars);
