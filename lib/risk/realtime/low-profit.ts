import type { Decimal } from "decimal.js";

/** Realised P&L (net of fees) over a trailing window, from samples taken after each exit. */
export class LowProfitWatch {
  private samples: { at: number; value: Decimal }[];

  constructor(start: Decimal, at: number) {
    this.samples = [{ at, value: start }];
  }

  /** Adds the realised total after an exit; returns what was realised over the window ending now. */
  realisedOver(windowMs: number, total: Decimal, at: number): Decimal {
    this.samples.push({ at, value: total });
    // Keep the newest sample at or before the window's start as the baseline, drop the older ones.
    let first = 0;
    while (first + 1 < this.samples.length && this.samples[first + 1].at <= at - windowMs) first += 1;
    this.samples = this.samples.slice(first);
    return total.sub(this.samples[0].value);
  }

  /** After a pause, profit counts from here. */
  restart(total: Decimal, at: number): void {
    this.samples = [{ at, value: total }];
  }
}
