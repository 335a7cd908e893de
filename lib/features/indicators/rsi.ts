import { Ema } from "./ema";
import { runBatch, type StreamingIndicator } from "./streaming";

/**
 * RSI as ta's RSIIndicator (not StockCharts' SMA-seeded Wilder RSI): the first change is taken as 0, gains and
 * losses are smoothed by ewm(alpha = 1/n, adjust=False) from the first bar, and the first value is at bar n
 * (0-based). 100 when the average loss is 0. Matches ta-stockcharts-vectors/cs-rsi.csv on every row.
 */
export class Rsi implements StreamingIndicator<number, number> {
  private readonly gains: Ema;
  private readonly losses: Ema;
  private previous: number | null = null;

  constructor(readonly period = 14) {
    this.gains = new Ema({ alpha: 1 / period, minPeriods: period + 1 });
    this.losses = new Ema({ alpha: 1 / period, minPeriods: period + 1 });
  }

  update(close: number): number | null {
    const change = this.previous === null ? 0 : close - this.previous;
    this.previous = close;
    const gain = this.gains.update(Math.max(change, 0));
    const loss = this.losses.update(Math.max(-change, 0));
    if (gain === null || loss === null) return null;
    return loss === 0 ? 100 : 100 - 100 / (1 + gain / loss);
  }
}

export const computeRsi = (closes: readonly number[], period = 14) => runBatch(new Rsi(period), closes);
