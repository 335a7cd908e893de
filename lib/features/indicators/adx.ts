import { runBatch, type StreamingIndicator } from "./streaming";
import { type HighLowClose, TrueRange } from "./true-range";

export interface AdxValue {
  plusDi: number;
  minusDi: number;
  /** Null for the n-1 bars after the DIs are ready, while the first n DX values are averaged. */
  adx: number | null;
}

/** Wilder's running total: seeded with the SUM of the first n inputs, then total - total/n + input. */
class WilderTotal {
  total = 0;
  private seen = 0;

  constructor(private readonly period: number) {}

  /** True once the first n inputs are summed. */
  update(x: number): boolean {
    this.seen++;
    this.total = this.seen <= this.period ? this.total + x : this.total - this.total / this.period + x;
    return this.seen >= this.period;
  }
}

/**
 * ADX, +DI and -DI, classic Wilder / StockCharts as in cs-adx.csv: TR, +DM and -DM start on the second bar; their
 * n-bar totals are seeded with the sum of the first n values (DIs from bar n); DX = 100 |+DI - -DI| / (+DI + -DI);
 * the first ADX, at bar 2n-1, is the mean of the first n DX values, then ADX = (previous * (n-1) + DX) / n.
 * Matches cs-adx.csv on every row where it has a value.
 */
export class Adx implements StreamingIndicator<HighLowClose, AdxValue> {
  private readonly trueRange = new TrueRange();
  private readonly tr: WilderTotal;
  private readonly plusDm: WilderTotal;
  private readonly minusDm: WilderTotal;
  private previous: HighLowClose | null = null;
  private dxCount = 0;
  private dxSum = 0;
  private adx = 0;

  constructor(readonly period = 14) {
    this.tr = new WilderTotal(period);
    this.plusDm = new WilderTotal(period);
    this.minusDm = new WilderTotal(period);
  }

  update(bar: HighLowClose): AdxValue | null {
    const tr = this.trueRange.update(bar);
    const previous = this.previous;
    this.previous = bar;
    if (previous === null) return null;
    const up = bar.high - previous.high;
    const down = previous.low - bar.low;
    this.plusDm.update(up > down && up > 0 ? up : 0);
    this.minusDm.update(down > up && down > 0 ? down : 0);
    if (!this.tr.update(tr)) return null;
    const plusDi = this.tr.total === 0 ? 0 : (100 * this.plusDm.total) / this.tr.total;
    const minusDi = this.tr.total === 0 ? 0 : (100 * this.minusDm.total) / this.tr.total;
    const diSum = plusDi + minusDi;
    return { plusDi, minusDi, adx: this.smoothDx(diSum === 0 ? 0 : (100 * Math.abs(plusDi - minusDi)) / diSum) };
  }

  private smoothDx(dx: number): number | null {
    this.dxCount++;
    if (this.dxCount < this.period) {
      this.dxSum += dx;
      return null;
    }
    this.adx = this.dxCount === this.period ? (this.dxSum + dx) / this.period : (this.adx * (this.period - 1) + dx) / this.period;
    return this.adx;
  }
}

export const computeAdx = (bars: readonly HighLowClose[], period = 14) => runBatch(new Adx(period), bars);
