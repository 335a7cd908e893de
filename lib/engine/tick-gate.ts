import type { Tick } from "@/lib/domain/market-data";

/**
 * Holds trade prints back while a strategy order is on its way to the venue (journaled NEW first, which is
 * asynchronous), then lets them through in arrival order. The order thus reaches the paper venue with the print
 * that closed its bar as the last one seen, and fills there whatever the load, as a backtest of the same prints
 * fills it; without the hold, a fast feed would move the venue on by an unknown number of prints first.
 */
export class TickGate {
  private held: Tick[] = [];
  private next = 0;
  private inFlight = 0;
  private settled: Promise<void> = Promise.resolve();
  private resolveSettled: (() => void) | null = null;

  /**
   * maxHoldMs bounds a hold: if the database stalls, market data must not stop with it. Past it the prints go on
   * (onHoldTimeout is told) and the order may fill at a later print than a backtest would fill it.
   */
  constructor(
    private readonly process: (tick: Tick) => void,
    private readonly maxHoldMs = 2_000,
    private readonly onHoldTimeout: () => void = () => undefined,
  ) {}

  push(tick: Tick): void {
    if (this.inFlight > 0) this.held.push(tick);
    else this.process(tick);
  }

  /** Holds ticks until work settles (fulfilled or not). */
  holdUntil(work: Promise<unknown>): void {
    if (this.inFlight++ === 0) this.settled = new Promise((resolve) => (this.resolveSettled = resolve));
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      clearTimeout(timer);
      this.release();
    };
    const timer = setTimeout(() => {
      this.onHoldTimeout();
      release();
    }, this.maxHoldMs);
    work.then(release, release);
  }

  /** Ticks waiting for an order to reach the venue. */
  size(): number {
    return this.held.length - this.next;
  }

  /** Resolves once nothing is held and no order is in flight. */
  async idle(): Promise<void> {
    while (this.inFlight > 0) await this.settled;
  }

  private release(): void {
    if (--this.inFlight > 0) return;
    // A released print may close another bar and start a new hold: the rest waits for that one.
    while (this.next < this.held.length && this.inFlight === 0) this.process(this.held[this.next++]);
    if (this.next >= this.held.length) {
      this.held = [];
      this.next = 0;
    }
    if (this.inFlight === 0) {
      this.resolveSettled?.();
      this.resolveSettled = null;
    }
  }
}
