import { LogReturn } from "./log-return";
import { RollingWindow } from "./rolling-window";
import { runBatch, type StreamingIndicator } from "./streaming";

/**
 * Realised volatility: the sample standard deviation (ddof = 1) of the last n one-bar log returns, per bar (not
 * annualised, so it means the same on every interval's own clock); first value at bar n.
 */
export class RealisedVolatility implements StreamingIndicator<number, number> {
  private readonly returns = new LogReturn(1);
  private readonly window: RollingWindow;

  constructor(readonly period = 20) {
    if (period < 2) throw new RangeError("realised volatility needs at least 2 returns");
    this.window = new RollingWindow(period);
  }

  update(close: number): number | null {
    const r = this.returns.update(close);
    if (r === null) return null;
    this.window.push(r);
    return this.window.full ? this.window.std(1) : null;
  }
}

export const computeRealisedVolatility = (closes: readonly number[], period = 20) => runBatch(new RealisedVolatility(period), closes);
