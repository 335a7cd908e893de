import type { Decimal } from "decimal.js";
import type { Order } from "@/lib/domain/order";

/**
 * A resting LIMIT or STOP order with its trigger cached as a float, so matching a trade print costs a
 * comparison. The trigger sits half a tick inside the order price, so float noise in feed prices
 * (100.10000000000001) never decides a fill: only a print on a different tick does.
 */
export interface RestingOrder {
  order: Order;
  /** Arrival sequence, for time priority. */
  seq: number;
  /** The limit or stop price, exact. */
  price: Decimal;
  trigger: number;
  /** Fires when a print is above the trigger (sell limits, buy stops), else below (buy limits, sell stops). */
  firesAbove: boolean;
}

export function restingTrigger(order: Order, price: Decimal, halfTick: number): Pick<RestingOrder, "trigger" | "firesAbove"> {
  const p = price.toNumber();
  const isLimit = order.type === "LIMIT";
  const isBuy = order.side === "BUY";
  // Limits fill only on a print strictly through the limit (buy: below it); stops trigger at or through the stop.
  if (isLimit) return isBuy ? { trigger: p - halfTick, firesAbove: false } : { trigger: p + halfTick, firesAbove: true };
  return isBuy ? { trigger: p - halfTick, firesAbove: true } : { trigger: p + halfTick, firesAbove: false };
}

function fires(entry: RestingOrder, price: number): boolean {
  return entry.firesAbove ? price > entry.trigger : price < entry.trigger;
}

/** Limits first in price-time priority (the print went through them), then stops in time order. */
function priority(a: RestingOrder, b: RestingOrder): number {
  const aStop = a.order.type === "STOP" ? 1 : 0;
  const bStop = b.order.type === "STOP" ? 1 : 0;
  if (aStop !== bStop) return aStop - bStop;
  if (aStop === 0 && a.order.side === b.order.side) {
    const byPrice = a.order.side === "BUY" ? b.price.cmp(a.price) : a.price.cmp(b.price);
    if (byPrice !== 0) return byPrice;
  }
  return a.seq - b.seq;
}

/** One symbol's resting orders, with two cached thresholds so most prints are rejected in O(1). */
export class RestingBook {
  private entries: RestingOrder[] = [];
  private lowestAbove = Infinity;
  private highestBelow = -Infinity;

  get size(): number {
    return this.entries.length;
  }

  all(): readonly RestingOrder[] {
    return this.entries;
  }

  add(entry: RestingOrder): void {
    this.entries.push(entry);
    this.entries.sort((a, b) => a.seq - b.seq);
    this.recompute();
  }

  remove(entry: RestingOrder): void {
    this.entries = this.entries.filter((e) => e !== entry);
    this.recompute();
  }

  mayTrigger(price: number): boolean {
    return price > this.lowestAbove || price < this.highestBelow;
  }

  /** Orders this print fires, in the order they should execute. */
  triggeredBy(price: number): RestingOrder[] {
    return this.entries.filter((e) => fires(e, price)).sort(priority);
  }

  private recompute(): void {
    let above = Infinity;
    let below = -Infinity;
    for (const e of this.entries) {
      if (e.firesAbove) above = Math.min(above, e.trigger);
      else below = Math.max(below, e.trigger);
    }
    this.lowestAbove = above;
    this.highestBelow = below;
  }
}
