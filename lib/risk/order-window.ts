import type { OrderIntent } from "@/lib/domain/order";
import { parseDecimal } from "@/lib/execution/order-validation";

/** The order-rate limits count orders in a rolling minute. */
export const RATE_WINDOW_MS = 60_000;

type WindowedOrder = Pick<OrderIntent, "accountId" | "symbol" | "side" | "quantity" | "price" | "source" | "strategyId">;

interface Entry {
  ts: number;
  key: string;
  strategy: string;
}

/** A strategy is who sent the order: the intent's strategyId, else its source. */
export function strategyOf(order: Pick<OrderIntent, "source" | "strategyId">): string {
  return order.strategyId ?? order.source;
}

/** Same account, symbol, side, quantity and price (numerically: "0.10" is "0.1"); the client order id is ignored. */
export function duplicateKey(order: WindowedOrder): string {
  const quantity = parseDecimal(order.quantity)?.toFixed() ?? order.quantity;
  const price = order.price === undefined ? "-" : (parseDecimal(order.price)?.toFixed() ?? order.price);
  return `${order.accountId}|${order.symbol}|${order.side}|${quantity}|${price}`;
}

/**
 * Orders accepted in the recent past, for the duplicate and order-rate checks. One time-ordered queue read by two
 * cursors: the rate cursor (one minute, with per-strategy counts) and the retention cursor (the longest duplicate
 * window asked for). Expiry happens as time moves on, so every call is amortised O(1).
 */
export class OrderWindow {
  private entries: Entry[] = [];
  private rateHead = 0;
  private retainHead = 0;
  private latest = Number.NEGATIVE_INFINITY;
  private retentionMs = RATE_WINDOW_MS;
  private readonly lastSeen = new Map<string, number>();
  private readonly perStrategy = new Map<string, number>();

  /** An order accepted into the journal at `now` (rejected orders are never recorded). */
  record(order: WindowedOrder, now: number): void {
    this.expire(now);
    const entry = { ts: this.latest, key: duplicateKey(order), strategy: strategyOf(order) };
    this.entries.push(entry);
    this.lastSeen.set(entry.key, entry.ts);
    this.perStrategy.set(entry.strategy, (this.perStrategy.get(entry.strategy) ?? 0) + 1);
  }

  /** Whether the same order was accepted within the last windowMs (inclusive). */
  isDuplicate(order: WindowedOrder, now: number, windowMs: number): boolean {
    this.retentionMs = Math.max(this.retentionMs, windowMs);
    this.expire(now);
    const seen = this.lastSeen.get(duplicateKey(order));
    return seen !== undefined && seen >= this.latest - windowMs;
  }

  /** Orders accepted in the last minute. */
  countLastMinute(now: number): number {
    this.expire(now);
    return this.entries.length - this.rateHead;
  }

  /** Orders accepted in the last minute from this strategy. */
  countLastMinuteFor(strategy: string, now: number): number {
    this.expire(now);
    return this.perStrategy.get(strategy) ?? 0;
  }

  /** A clock that steps back (NTP) is held at its latest value, so nothing expires twice or revives. */
  private expire(now: number): void {
    this.latest = Math.max(this.latest, now);
    const { entries } = this;
    while (this.rateHead < entries.length && entries[this.rateHead].ts <= this.latest - RATE_WINDOW_MS) {
      const { strategy } = entries[this.rateHead++];
      const left = this.perStrategy.get(strategy)! - 1;
      if (left === 0) this.perStrategy.delete(strategy);
      else this.perStrategy.set(strategy, left);
    }
    const retainFrom = this.latest - Math.max(this.retentionMs, RATE_WINDOW_MS);
    while (this.retainHead < this.rateHead && entries[this.retainHead].ts <= retainFrom) {
      const { key, ts } = entries[this.retainHead++];
      if (this.lastSeen.get(key) === ts) this.lastSeen.delete(key);
    }
    if (this.retainHead > 1024 && this.retainHead * 2 > entries.length) this.compact();
  }

  private compact(): void {
    this.entries = this.entries.slice(this.retainHead);
    this.rateHead -= this.retainHead;
    this.retainHead = 0;
  }
}
