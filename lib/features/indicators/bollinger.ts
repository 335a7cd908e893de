import { RollingWindow } from "./rolling-window";
import { runBatch, type StreamingIndicator } from "./streaming";

export interface BollingerValue {
  middle: number;
  upper: number;
  lower: number;
  /** (upper - lower) / middle * 100, ta's WidthBand. */
  width: number;
  /** (close - lower) / (upper - lower): 0 at the lower band, 1 at the upper one; 0.5 when the bands are flat. */
  percentB: number;
}

/**
 * Bollinger Bands as ta's BollingerBands: SMA(n) of the close +/- k times the POPULATION standard deviation
 * (ddof = 0) over the same n closes; first value at bar n-1. Matches cs-bbands.csv on every row.
 */
export class Bollinger implements StreamingIndicator<number, BollingerValue> {
  private readonly window: RollingWindow;

  constructor(readonly period = 20, readonly deviations = 2) {
    this.window = new RollingWindow(period);
  }

  update(close: number): BollingerValue | null {
    this.window.push(close);
    if (!this.window.full) return null;
    const middle = this.window.mean();
    const spread = this.deviations * this.window.std(0);
    const upper = middle + spread;
    const lower = middle - spread;
    const percentB = upper === lower ? 0.5 : (close - lower) / (upper - lower);
    return { middle, upper, lower, width: ((upper - lower) / middle) * 100, percentB };
  }
}

export const computeBollinger = (closes: readonly number[], period = 20, deviations = 2) => runBatch(new Bollinger(period, deviations), closes);
