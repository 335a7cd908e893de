import type { Bar } from "@/lib/domain/market-data";

/**
 * The last closed bars per symbol and interval, as the engine closed them. A version loaded mid-session warms up
 * on stored bars plus these, so a bar closed but not yet written to the database is not missed.
 */
export class RecentBars {
  private readonly bySeries = new Map<string, Bar[]>();

  constructor(private readonly capacity: number) {}

  push(bar: Bar): void {
    const key = `${bar.symbol}|${bar.interval}`;
    let series = this.bySeries.get(key);
    if (!series) this.bySeries.set(key, (series = []));
    series.push(bar);
    if (series.length > this.capacity) series.splice(0, series.length - this.capacity);
  }

  /** Stored history and the recent bars together, oldest first, each open time once (the recent bar wins). */
  mergedWith(stored: readonly Bar[], symbol: string, interval: string): Bar[] {
    const byOpenTime = new Map<number, Bar>();
    for (const bar of stored) byOpenTime.set(bar.openTime, bar);
    for (const bar of this.bySeries.get(`${symbol}|${interval}`) ?? []) byOpenTime.set(bar.openTime, bar);
    return [...byOpenTime.values()].sort((a, b) => a.openTime - b.openTime);
  }
}
