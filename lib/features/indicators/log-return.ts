import { RollingWindow } from "./rolling-window";
import { runBatch, type StreamingIndicator } from "./streaming";

/** ln(close_t / close_{t-lag}): additive over time and symmetric for ups and downs; null for the first `lag` bars. */
export class LogReturn implements StreamingIndicator<number, number> {
  private readonly closes: RollingWindow;

  constructor(readonly lag = 1) {
    this.closes = new RollingWindow(lag + 1);
  }

  update(close: number): number | null {
    this.closes.push(close);
    return this.closes.full ? Math.log(close / this.closes.at(0)) : null;
  }
}

export const computeLogReturns = (closes: readonly number[], lag = 1) => runBatch(new LogReturn(lag), closes);
