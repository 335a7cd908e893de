/** The backtest's clock: only ever moves forward, set by the engine as it walks the bars. */
export class SimulatedClock {
  private current: number;

  constructor(start: number) {
    this.current = start;
  }

  readonly now = (): number => this.current;

  /** Moves the clock to ts; throws if that would go back in time. */
  set(ts: number): void {
    if (ts < this.current) throw new RangeError(`Simulated clock cannot go back from ${this.current} to ${ts}`);
    this.current = ts;
  }
}

/** Close time of each bar: the next bar's open, and for the last bar its open plus the bar interval. */
export function barCloseTimes(openTimes: readonly number[], intervalMs?: number): number[] {
  const n = openTimes.length;
  const last = n === 0 ? 0 : openTimes[n - 1] + (intervalMs ?? medianGap(openTimes));
  return openTimes.map((t, i) => (i + 1 < n ? openTimes[i + 1] : last));
}

/** Median of the last 100 gaps (backtesting.py's `_data_period`); 0 for fewer than two bars. */
export function medianGap(openTimes: readonly number[]): number {
  const tail = openTimes.slice(-100);
  const gaps: number[] = [];
  for (let i = 1; i < tail.length; i++) gaps.push(tail[i] - tail[i - 1]);
  if (gaps.length === 0) return 0;
  gaps.sort((a, b) => a - b);
  const mid = gaps.length >> 1;
  return gaps.length % 2 === 1 ? gaps[mid] : (gaps[mid - 1] + gaps[mid]) / 2;
}
