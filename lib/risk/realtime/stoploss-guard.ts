/** Counts stop-loss exits per symbol (one per stop order, however many fills it took) within a window. */
export class StoplossGuard {
  private readonly exits = new Map<string, { orderId: string; at: number }[]>();

  /** Records a stop-loss exit; true when it makes `count` of them within windowMs on the symbol. */
  record(symbol: string, orderId: string, at: number, guard: { count: number; windowMs: number }): boolean {
    const recent = (this.exits.get(symbol) ?? []).filter((e) => at - e.at < guard.windowMs);
    if (!recent.some((e) => e.orderId === orderId)) recent.push({ orderId, at });
    this.exits.set(symbol, recent);
    return recent.length >= guard.count;
  }

  /** After a pause the count starts again, so one more stop does not pause the symbol again at once. */
  clear(symbol: string): void {
    this.exits.delete(symbol);
  }
}
