import type { Tick } from "@/lib/domain/market-data";
import type { RestorableBroker } from "./order-router";

/**
 * The exchange time of each symbol: the time of its latest print. A paper fill happens at a print, so it carries
 * that print's time; for a live feed that is the wall clock within latency, for a replay the recorded time, which
 * keeps fills on the bars they traded in and comparable with a backtest of the same prints.
 */
export class ExchangeClock {
  private readonly last = new Map<string, number>();
  private symbol: string | null = null;

  observe(tick: Tick): void {
    this.last.set(tick.symbol, tick.ts);
  }

  /** Exchange time of the symbol being traded, or the wall clock when no print of it was seen. */
  readonly now = (): number => (this.symbol === null ? undefined : this.last.get(this.symbol)) ?? Date.now();

  /** Runs a venue call with the clock reading symbol's exchange time. */
  at<T>(symbol: string, call: () => T): T {
    const previous = this.symbol;
    this.symbol = symbol;
    try {
      return call();
    } finally {
      this.symbol = previous;
    }
  }

  /** The venue with every call that can fill stamped at the exchange time of the order's symbol. */
  stamp(broker: RestorableBroker): RestorableBroker {
    return {
      venue: broker.venue,
      submit: (order) => this.at(order.symbol, () => broker.submit(order)),
      onTick: (tick) => this.at(tick.symbol, () => broker.onTick(tick)),
      cancel: (orderId) => broker.cancel(orderId),
      // An amend to a marketable price fills at once, so it too runs at the exchange time of the order's symbol.
      amend: (orderId, change) => {
        const symbol = broker.openOrders().find((o) => o.id === orderId)?.symbol;
        return symbol === undefined ? broker.amend(orderId, change) : this.at(symbol, () => broker.amend(orderId, change));
      },
      openOrders: () => broker.openOrders(),
      restore: (open) => broker.restore(open),
    };
  }
}
