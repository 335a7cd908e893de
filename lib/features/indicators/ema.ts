import { runBatch, type StreamingIndicator } from "./streaming";

export interface EmaOptions {
  /** Span n gives alpha = 2 / (n + 1); give `alpha` instead for Wilder's 1 / n. */
  span?: number;
  alpha?: number;
  /** Inputs seen before a value is returned (pandas' min_periods); the state is updated from the first input. */
  minPeriods?: number;
}

/**
 * Exponential moving average as pandas `ewm(adjust=False)`: seeded with the first input (not an SMA), then
 * ema = alpha * x + (1 - alpha) * ema. This is ta's convention (MACD, RSI), which the reference vectors follow.
 */
export class Ema implements StreamingIndicator<number, number> {
  private readonly alpha: number;
  private readonly minPeriods: number;
  private value = 0;
  private seen = 0;

  constructor(options: EmaOptions) {
    const alpha = options.alpha ?? (options.span === undefined ? Number.NaN : 2 / (options.span + 1));
    if (!(alpha > 0 && alpha <= 1)) throw new RangeError("EMA needs a span >= 1 or an alpha in (0, 1]");
    this.alpha = alpha;
    this.minPeriods = options.minPeriods ?? 1;
  }

  /** The smoothed value so far, warm or not (NaN before the first input). */
  get current(): number {
    return this.seen === 0 ? Number.NaN : this.value;
  }

  update(x: number): number | null {
    this.value = this.seen === 0 ? x : this.alpha * x + (1 - this.alpha) * this.value;
    this.seen++;
    return this.seen >= this.minPeriods ? this.value : null;
  }
}

export const computeEma = (inputs: readonly number[], options: EmaOptions) => runBatch(new Ema(options), inputs);
