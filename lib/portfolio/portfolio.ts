import type { Decimal } from "decimal.js";
import type { AccountView, PositionView } from "@/lib/domain/account";
import type { Instrument } from "@/lib/domain/instrument";
import type { Fill } from "@/lib/domain/order";
import { dec, ZERO, type DecimalInput } from "@/lib/domain/money";
import type { FillAmounts } from "@/lib/execution/order-fill";
import { MarkBook } from "@/lib/portfolio/mark-book";
import type { PortfolioSnapshot } from "@/lib/portfolio/portfolio-snapshot";
import {
  applyTrade,
  averagePrice,
  emptyPosition,
  marketValue,
  unrealizedPnl,
  type Position,
} from "@/lib/portfolio/position";

export interface PortfolioOptions {
  initialCash: DecimalInput;
  currency?: string;
  /** Lets marks be rounded to each instrument's tick grid. */
  instruments?: readonly Instrument[];
}

/**
 * Cash, positions and fees of one account. Exact: equity == cash + Σ market value
 * == initial cash + realized + unrealized - fees. It does not dedupe fills: apply each fill id once.
 */
export class Portfolio {
  readonly currency: string;
  private initialCash: Decimal;
  private cashBalance: Decimal;
  private feesPaid = ZERO;
  private positions = new Map<string, Position>();
  private readonly marks: MarkBook;
  private updatedAt = 0;

  constructor(options: PortfolioOptions) {
    this.currency = options.currency ?? "USDT";
    this.initialCash = dec(options.initialCash);
    this.cashBalance = this.initialCash;
    this.marks = new MarkBook(options.instruments);
  }

  /**
   * Buys pay notional + fee, sells receive notional - fee. Throws on a fill without positive quantity and price.
   * amounts, when given, are the decimals the fill's strings were written from (the broker's), not parsed again.
   */
  applyFill(fill: Fill, amounts?: FillAmounts): void {
    const qty = amounts?.quantity ?? dec(fill.quantity);
    const price = amounts?.price ?? dec(fill.price);
    const fee = amounts?.fee ?? dec(fill.fee);
    if (!(qty.gt(0) && price.gt(0) && fee.isFinite())) throw new RangeError(`Invalid fill ${fill.id}`);
    const notional = qty.mul(price);
    this.cashBalance = fill.side === "BUY" ? this.cashBalance.sub(notional).sub(fee) : this.cashBalance.add(notional).sub(fee);
    this.feesPaid = this.feesPaid.add(fee);
    const position = this.positions.get(fill.symbol) ?? emptyPosition(fill.symbol);
    this.positions.set(fill.symbol, applyTrade(position, fill.side, qty, price, fill.ts));
    this.touch(fill.ts);
  }

  /** Cheap enough for every tick: stores the float, converts only when a value is asked for. */
  mark(symbol: string, price: number, ts?: number): void {
    if (this.marks.set(symbol, price) && ts !== undefined) this.touch(ts);
  }

  cash(): Decimal {
    return this.cashBalance;
  }

  fees(): Decimal {
    return this.feesPaid;
  }

  position(symbol: string): Position | undefined {
    return this.positions.get(symbol);
  }

  positionQuantity(symbol: string): Decimal {
    return this.positions.get(symbol)?.quantity ?? ZERO;
  }

  markPrice(symbol: string): Decimal | null {
    return this.marks.get(symbol);
  }

  equity(): Decimal {
    let total = this.cashBalance;
    for (const p of this.positions.values()) total = total.add(marketValue(p, this.marks.get(p.symbol)));
    return total;
  }

  unrealizedPnl(): Decimal {
    let total = ZERO;
    for (const p of this.positions.values()) total = total.add(unrealizedPnl(p, this.marks.get(p.symbol)));
    return total;
  }

  realizedPnl(): Decimal {
    let total = ZERO;
    for (const p of this.positions.values()) total = total.add(p.realizedPnl);
    return total;
  }

  /** Open positions; flat ones (which may still carry realized P&L) only with includeFlat. */
  positionViews(accountId: string, options: { includeFlat?: boolean } = {}): PositionView[] {
    const views: PositionView[] = [];
    for (const p of this.positions.values()) {
      if (p.quantity.isZero() && !options.includeFlat) continue;
      const mark = this.marks.get(p.symbol);
      views.push({
        accountId,
        symbol: p.symbol,
        quantity: p.quantity.toFixed(),
        averagePrice: averagePrice(p).toFixed(),
        markPrice: mark === null ? null : mark.toFixed(),
        marketValue: marketValue(p, mark).toFixed(),
        unrealizedPnl: unrealizedPnl(p, mark).toFixed(),
        realizedPnl: p.realizedPnl.toFixed(),
        updatedAt: p.updatedAt,
      });
    }
    return views.sort((a, b) => a.symbol.localeCompare(b.symbol));
  }

  accountView(accountId: string, startOfDayEquity: DecimalInput): AccountView {
    const equity = this.equity();
    return {
      accountId,
      currency: this.currency,
      cash: this.cashBalance.toFixed(),
      equity: equity.toFixed(),
      unrealizedPnl: this.unrealizedPnl().toFixed(),
      realizedPnl: this.realizedPnl().toFixed(),
      fees: this.feesPaid.toFixed(),
      startOfDayEquity: dec(startOfDayEquity).toFixed(),
      todayPnl: equity.sub(startOfDayEquity).toFixed(),
      updatedAt: this.updatedAt,
    };
  }

  snapshot(): PortfolioSnapshot {
    return {
      version: 1,
      currency: this.currency,
      initialCash: this.initialCash.toFixed(),
      cash: this.cashBalance.toFixed(),
      fees: this.feesPaid.toFixed(),
      positions: [...this.positions.values()].map((p) => ({
        symbol: p.symbol,
        quantity: p.quantity.toFixed(),
        costBasis: p.costBasis.toFixed(),
        realizedPnl: p.realizedPnl.toFixed(),
        updatedAt: p.updatedAt,
      })),
      marks: this.marks.toJSON(),
      updatedAt: this.updatedAt,
    };
  }

  /** Replaces the whole state with a snapshot (the currency is fixed at construction and must match). */
  restore(snapshot: PortfolioSnapshot): void {
    if (snapshot.version !== 1) throw new RangeError(`Unsupported portfolio snapshot version ${String(snapshot.version)}`);
    if (snapshot.currency !== this.currency) throw new RangeError(`Snapshot currency ${snapshot.currency} != ${this.currency}`);
    this.initialCash = dec(snapshot.initialCash);
    this.cashBalance = dec(snapshot.cash);
    this.feesPaid = dec(snapshot.fees);
    this.positions = new Map(
      snapshot.positions.map((p) => [
        p.symbol,
        { symbol: p.symbol, quantity: dec(p.quantity), costBasis: dec(p.costBasis), realizedPnl: dec(p.realizedPnl), updatedAt: p.updatedAt },
      ]),
    );
    this.marks.clear();
    for (const [symbol, price] of Object.entries(snapshot.marks)) this.marks.set(symbol, price);
    this.updatedAt = snapshot.updatedAt;
  }

  private touch(ts: number): void {
    if (ts > this.updatedAt) this.updatedAt = ts;
  }
}
