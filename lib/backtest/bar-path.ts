import type { RecordedBar } from "@/lib/market/replay/recording";
import type { OrderDesk } from "@/lib/backtest/order-desk";

/**
 * Which extreme a bar reached first is unknown, so the path is chosen against the trader: a long position sees
 * the low before the high (a stop-loss before a take-profit), a short the high first. Flat, the extreme nearer the
 * open comes first.
 */
export function lowFirst(bar: RecordedBar, position: number): boolean {
  if (position !== 0) return position > 0;
  return bar.open - bar.low <= bar.high - bar.open;
}

/**
 * Prints a bar's path after its open (open -> first extreme -> other extreme -> close) to the broker, stopping
 * at every resting order price on the way, so a stop fills at its price (or at the open when the bar gaps through
 * it) and a limit fills when the path goes strictly through it, in the venue code.
 */
export function printBarPath(desk: OrderDesk, bar: RecordedBar, lowIsFirst: boolean): void {
  let at = bar.open;
  for (const to of lowIsFirst ? [bar.low, bar.high, bar.close] : [bar.high, bar.low, bar.close]) {
    for (let stop = nextRestingPrice(desk, at, to); stop !== null; stop = nextRestingPrice(desk, at, to)) {
      desk.print(stop);
      at = stop;
    }
    if (to !== at) desk.print(to);
    at = to;
  }
}

/** The resting order price strictly between from and to that is nearest to from, or null. */
function nextRestingPrice(desk: OrderDesk, from: number, to: number): number | null {
  if (desk.resting.size === 0) return null;
  const up = to > from;
  let best: number | null = null;
  for (const p of desk.restingPrices()) {
    const between = up ? p > from && p < to : p < from && p > to;
    if (between && (best === null || (up ? p < best : p > best))) best = p;
  }
  return best;
}
