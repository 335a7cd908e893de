import type { BookUpdate, PriceLevel } from "./public-messages";

/** Best bid and ask as the exact decimal strings Bybit sent; ts is the exchange time of the last update. */
export interface BookQuote {
  bid: string;
  ask: string;
  ts: number;
}

export type BookHealth = "awaiting-snapshot" | "live" | "stale";

// While stale, ask for a new snapshot again if the last request got none within this long.
const RESYNC_RETRY_MS = 5_000;

/** Compares two non-negative plain decimal strings exactly (no float rounding): negative if a < b. */
export function compareDecimals(a: string, b: string): number {
  const [ai, af = ""] = a.split(".");
  const [bi, bf = ""] = b.split(".");
  const aInt = ai.replace(/^0+(?=\d)/, "");
  const bInt = bi.replace(/^0+(?=\d)/, "");
  if (aInt.length !== bInt.length) return aInt.length - bInt.length;
  if (aInt !== bInt) return aInt < bInt ? -1 : 1;
  const width = Math.max(af.length, bf.length);
  const aFrac = af.padEnd(width, "0");
  const bFrac = bf.padEnd(width, "0");
  return aFrac === bFrac ? 0 : aFrac < bFrac ? -1 : 1;
}

function isZero(size: string): boolean {
  return /^0*(\.0*)?$/.test(size);
}

/**
 * One symbol's order book from orderbook.{depth}.{symbol}: a snapshot (or u = 1) resets it, each delta must carry
 * the next update id. A gap makes the book stale and asks for a resubscribe; a stale book never gives a quote.
 */
export class OrderBook {
  private readonly bidLevels = new Map<string, string>();
  private readonly askLevels = new Map<string, string>();
  private lastU: number | null = null;
  private lastTs: number | null = null;
  private health: BookHealth = "awaiting-snapshot";
  private resyncRequestedAt = 0;
  gaps = 0;

  constructor(
    readonly symbol: string,
    /** Called with the reason when the book went stale: the owner resubscribes to get a new snapshot. */
    private readonly requestSnapshot: (reason: string) => void,
    private readonly now: () => number = Date.now,
  ) {}

  apply(update: BookUpdate): void {
    if (update.type === "snapshot" || update.u === 1) {
      this.reset(update);
      return;
    }
    if (this.health !== "live") {
      this.markStale(`delta u=${update.u} without a snapshot`);
      return;
    }
    if (update.u !== (this.lastU as number) + 1) {
      this.gaps++;
      this.markStale(`gap: u ${this.lastU} -> ${update.u}`);
      return;
    }
    applyLevels(this.bidLevels, update.bids);
    applyLevels(this.askLevels, update.asks);
    this.lastU = update.u;
    this.lastTs = update.ts;
  }

  /** The connection went away: the book may have moved, so it waits for the snapshot that resubscribing brings. */
  disconnect(): void {
    this.clear();
    this.health = "awaiting-snapshot";
  }

  /** A message for this book could not be read: treat it as a gap. */
  invalidate(reason: string): void {
    this.gaps++;
    this.markStale(reason);
  }

  state(): BookHealth {
    return this.health;
  }

  /** Best bid and ask, or null when the book is not live, one side is empty, or it is crossed. */
  quote(): BookQuote | null {
    if (this.health !== "live" || this.lastTs === null) return null;
    const bid = best(this.bidLevels, 1);
    const ask = best(this.askLevels, -1);
    if (bid === null || ask === null || compareDecimals(bid, ask) >= 0) return null;
    return { bid, ask, ts: this.lastTs };
  }

  /** Bids best first (highest price), at most `depth` levels. */
  bids(depth = Infinity): PriceLevel[] {
    return sorted(this.bidLevels, (a, b) => compareDecimals(b, a)).slice(0, depth);
  }

  /** Asks best first (lowest price), at most `depth` levels. */
  asks(depth = Infinity): PriceLevel[] {
    return sorted(this.askLevels, compareDecimals).slice(0, depth);
  }

  private reset(update: BookUpdate): void {
    this.clear();
    applyLevels(this.bidLevels, update.bids);
    applyLevels(this.askLevels, update.asks);
    this.lastU = update.u;
    this.lastTs = update.ts;
    this.health = "live";
  }

  private markStale(reason: string): void {
    const wasStale = this.health === "stale";
    this.health = "stale";
    this.clear();
    const now = this.now();
    if (wasStale && now - this.resyncRequestedAt < RESYNC_RETRY_MS) return;
    this.resyncRequestedAt = now;
    this.requestSnapshot(reason);
  }

  private clear(): void {
    this.bidLevels.clear();
    this.askLevels.clear();
    this.lastU = null;
    this.lastTs = null;
  }
}

function applyLevels(side: Map<string, string>, levels: readonly PriceLevel[]): void {
  for (const [price, size] of levels) {
    if (isZero(size)) side.delete(price);
    else side.set(price, size);
  }
}

/** Highest (direction 1) or lowest (direction -1) price of a side. */
function best(side: Map<string, string>, direction: 1 | -1): string | null {
  let top: string | null = null;
  for (const price of side.keys()) if (top === null || compareDecimals(price, top) * direction > 0) top = price;
  return top;
}

function sorted(side: Map<string, string>, order: (a: string, b: string) => number): PriceLevel[] {
  return [...side.entries()].sort((a, b) => order(a[0], b[0])).map(([price, size]) => [price, size] as const);
}
