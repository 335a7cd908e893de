import { RollingWindow } from "./rolling-window";
import { runBatch, type StreamingIndicator } from "./streaming";

/** Simple moving average of the last `period` inputs; null until `period` inputs have been seen. */
export class Sma implements StreamingIndicator<number, number> {
  private readonly window: RollingWindow;

  constructor(readonly period: number) {
    this.window = new RollingWindow(period);
  }

  update(x: number): number | null {
    this.window.push(x);
    return this.window.full ? this.window.mean() : null;
  }
}

export const computeSma = (inputs: readonly number[], period: number) => runBatch(new Sma(period), inputs);
