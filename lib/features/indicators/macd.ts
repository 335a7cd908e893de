import { Ema } from "./ema";
import { runBatch, type StreamingIndicator } from "./streaming";

export interface MacdValue {
  line: number;
  signal: number;
  histogram: number;
}

/**
 * MACD as ta's MACD: fast and slow EMAs with alpha = 2/(n+1), adjust=False, seeded with the first close (not an
 * SMA); line = fast - slow; signal = EMA(9) of the line from the first bar (where the line is 0); histogram =
 * line - signal. Returned from bar slow-1, when the slow EMA has seen its period. Matches cs-macd.csv's EMAs and
 * line on every row; its early signal rows start from an unrelated seed (see the vector test).
 */
export class Macd implements StreamingIndicator<number, MacdValue> {
  private readonly fast: Ema;
  private readonly slow: Ema;
  private readonly signal: Ema;

  constructor(fast = 12, slow = 26, signal = 9) {
    if (fast >= slow) throw new RangeError(`MACD fast period ${fast} must be shorter than slow period ${slow}`);
    this.fast = new Ema({ span: fast });
    this.slow = new Ema({ span: slow, minPeriods: slow });
    this.signal = new Ema({ span: signal });
  }

  update(close: number): MacdValue | null {
    this.fast.update(close);
    const warm = this.slow.update(close) !== null;
    const line = this.fast.current - this.slow.current;
    const signal = this.signal.update(line)!;
    return warm ? { line, signal, histogram: line - signal } : null;
  }
}

export const computeMacd = (closes: readonly number[], fast = 12, slow = 26, signal = 9) => runBatch(new Macd(fast, slow, signal), closes);
