/** Incremental simple moving average over the last `period` values (floats: indicators may use them). */
export class SimpleMovingAverage {
  private readonly window: number[];
  private next = 0;
  private count = 0;

  constructor(readonly period: number) {
    if (!Number.isInteger(period) || period < 1) throw new RangeError(`SMA period must be a positive integer: ${period}`);
    this.window = new Array<number>(period).fill(0);
  }

  /** Adds a value; returns the average once `period` values have been seen, else null. */
  push(value: number): number | null {
    this.window[this.next] = value;
    this.next = (this.next + 1) % this.period;
    if (this.count < this.period) this.count += 1;
    return this.value();
  }

  /** Summed afresh each time: no running-sum drift, so a replay gives bit-identical values. */
  value(): number | null {
    if (this.count < this.period) return null;
    let sum = 0;
    for (const v of this.window) sum += v;
    return sum / this.period;
  }

  reset(): void {
    this.window.fill(0);
    this.next = 0;
    this.count = 0;
  }
}
