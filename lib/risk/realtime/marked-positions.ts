import type { Portfolio } from "@/lib/portfolio/portfolio";

/** What the real-time loop reads from the portfolio; the Portfolio class is one. */
export type PortfolioReader = Pick<Portfolio, "cash" | "fees" | "equity" | "realizedPnl" | "position" | "positionQuantity" | "markPrice" | "positionViews">;

interface Slot {
  symbol: string;
  quantity: number;
  costBasis: number;
  /** NaN until the first print: the position is then valued at its cost basis, as the portfolio does. */
  mark: number;
  lastPrintAt: number;
}

// The running estimate is summed again from scratch this often, so float rounding cannot pile up.
const RESUM_EVERY_MARKS = 1_024;

/**
 * Float copies of the open positions, so a print costs a few float operations instead of decimal equity: the
 * estimate only decides whether the exact (decimal) check is worth running. Copied again from the portfolio after
 * every fill; between fills each mark moves the estimate by quantity x price change.
 */
export class MarkedPositions {
  private readonly slots = new Map<string, Slot>();
  private open: Slot[] = [];
  private cash = 0;
  private estimate = 0;
  private marksSinceResum = 0;

  constructor(private readonly startedAt: number) {}

  mark(symbol: string, price: number, at: number): void {
    if (!(price > 0 && price < Infinity)) return;
    const slot = this.slots.get(symbol);
    if (slot === undefined) {
      this.slots.set(symbol, { symbol, quantity: 0, costBasis: 0, mark: price, lastPrintAt: at });
      return;
    }
    if (slot.quantity !== 0) this.estimate += slot.quantity * price - (slot.mark === slot.mark ? slot.quantity * slot.mark : slot.costBasis);
    slot.mark = price;
    slot.lastPrintAt = at;
    if (++this.marksSinceResum >= RESUM_EVERY_MARKS) this.resum();
  }

  /** Cash plus the float value of every open position. */
  equityEstimate(): number {
    return this.estimate;
  }

  private resum(): void {
    this.marksSinceResum = 0;
    let total = this.cash;
    for (let i = 0; i < this.open.length; i++) {
      const slot = this.open[i];
      total += slot.mark === slot.mark ? slot.quantity * slot.mark : slot.costBasis;
    }
    this.estimate = total;
  }

  /** The first open position without a print for longer than maxAgeMs, or null. */
  staleSymbol(now: number, maxAgeMs: number): { symbol: string; ageMs: number } | null {
    for (let i = 0; i < this.open.length; i++) {
      const ageMs = now - this.open[i].lastPrintAt;
      if (ageMs > maxAgeMs) return { symbol: this.open[i].symbol, ageMs };
    }
    return null;
  }

  /** Copies cash and the given symbols' positions from the portfolio (after fills were applied). */
  sync(portfolio: PortfolioReader, symbols: Iterable<string>): void {
    this.cash = portfolio.cash().toNumber();
    for (const symbol of symbols) {
      const position = portfolio.position(symbol);
      let slot = this.slots.get(symbol);
      if (slot === undefined) {
        // A position never printed since the start gets the whole stale-data allowance from the start.
        slot = { symbol, quantity: 0, costBasis: 0, mark: portfolio.markPrice(symbol)?.toNumber() ?? Number.NaN, lastPrintAt: this.startedAt };
        this.slots.set(symbol, slot);
      }
      slot.quantity = position?.quantity.toNumber() ?? 0;
      slot.costBasis = position?.costBasis.toNumber() ?? 0;
    }
    this.open = [...this.slots.values()].filter((s) => s.quantity !== 0);
    this.resum();
  }
}
