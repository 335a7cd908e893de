import type { RecordedBar } from "@/lib/market/replay/recording";
import { SimpleMovingAverage } from "@/lib/strategy/simple-moving-average";

/**
 * The baseline: a bare loop over the bars computing the same two moving averages (the strategy's own
 * SimpleMovingAverage) and the same strict crossover test, with no engine, broker, portfolio or statistics.
 * Returns the number of crosses so the work cannot be optimised away.
 */
export function bareSmaCrossLoop(bars: readonly RecordedBar[], fastPeriod: number, slowPeriod: number): number {
  const fast = new SimpleMovingAverage(fastPeriod);
  const slow = new SimpleMovingAverage(slowPeriod);
  let prevFast: number | null = null;
  let prevSlow: number | null = null;
  let crosses = 0;
  for (let i = 0; i < bars.length; i++) {
    const close = bars[i].close;
    const f = fast.push(close);
    const s = slow.push(close);
    if (f !== null && s !== null && prevFast !== null && prevSlow !== null) {
      if ((prevFast < prevSlow && f > s) || (prevFast > prevSlow && f < s)) crosses++;
    }
    prevFast = f;
    prevSlow = s;
  }
  return crosses;
}
