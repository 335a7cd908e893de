import type { Decimal } from "decimal.js";
import type { Instrument } from "@/lib/domain/instrument";
import type { Fill, Order } from "@/lib/domain/order";
import { dec, ZERO } from "@/lib/domain/money";
import { instrumentGrid, type InstrumentGrid } from "@/lib/execution/instrument-grid";
import type { FillAmounts } from "@/lib/execution/order-fill";
import type { Portfolio } from "@/lib/portfolio/portfolio";
import type { OrderDesk } from "@/lib/backtest/order-desk";
import { entryPrice, exitLevels } from "@/lib/backtest/exit-levels";
import { TradeBook, type FillPlace, type OpenTrade } from "@/lib/backtest/trade-book";
import type { BacktestEntry, BacktestExits, BacktestSizing } from "@/lib/backtest/types";

/** backtesting.py's default relative size, 1 - sys.float_info.epsilon: an exact multiple never rounds up a unit. */
const ALL_IN_FRACTION = dec(1).sub(dec(2).pow(-52));

export interface TraderSettings {
  instrument: Instrument;
  portfolio: Portfolio;
  commission: Decimal;
  spread: Decimal;
  exclusive: boolean;
  sizing: BacktestSizing;
  exits: BacktestExits;
  entry: BacktestEntry;
}

/**
 * Turns the strategy's targets into orders on the OrderDesk and keeps the trade list from the fills: closes,
 * entries (market, or resting limit/stop), per-trade stop-loss / take-profit / trailing-stop orders resting at
 * the broker, and sizing. Both the bar and the trade-print drivers use it, so there is one engine.
 */
export class BacktestTrader {
  readonly book = new TradeBook();
  /** Updated in place on every bar: the trade book copies its fields, never keeps it. */
  private readonly place: FillPlace = { bar: 0, time: 0 };
  /** Orders that close a given trade: market closes and resting exits. */
  private readonly closing = new Map<string, OpenTrade>();
  private readonly exitIds = new Map<OpenTrade, { ids: string[]; stop: string | null }>();
  /** Resting entry orders and the last bar index they are valid on. */
  private readonly entries = new Map<string, number>();
  private readonly hasExits: boolean;
  private readonly grid: InstrumentGrid;

  constructor(private readonly desk: OrderDesk, private readonly settings: TraderSettings) {
    const { exits } = settings;
    this.grid = instrumentGrid(settings.instrument);
    this.hasExits = exits.stopLossPct !== undefined || exits.takeProfitPct !== undefined || exits.trailingStopPct !== undefined;
  }

  /** The bar index and time recorded on trades filled from now on. */
  setPlace(bar: number, time: number): void {
    this.place.bar = bar;
    this.place.time = time;
  }

  /** Called by the desk for every fill: updates the trades and their exit orders. */
  onFill(fill: Fill, amounts: FillAmounts, order: Order): void {
    const target = this.closing.get(order.id);
    if (order.status === "FILLED") {
      this.closing.delete(order.id);
      this.entries.delete(order.id);
    }
    const outcome = this.book.applyFill(fill.side, amounts, this.place, target);
    for (const trade of outcome.closed) this.cancelExits(trade);
    for (const trade of outcome.reduced) this.syncExits(trade);
    if (outcome.opened !== null) this.syncExits(outcome.opened);
  }

  /** Carries out a strategy target at the current print; signalClose is the deciding bar's close. */
  execute(targetQuantity: string, signalClose: number): void {
    const target = dec(targetQuantity);
    if (this.settings.sizing.kind === "target") return this.tradeDelta(target);
    const d = target.isZero() ? 0 : target.isNegative() ? -1 : 1;
    for (const id of [...this.entries.keys()]) this.desk.cancel(id);
    const open = this.book.open;
    const toClose = this.settings.exclusive ? [...open] : open.filter((t) => d === 0 || t.size.isNegative() !== d < 0);
    for (const trade of toClose) this.closeUnits(trade, trade.size.abs());
    if (d === 0) return;
    if (!this.settings.exclusive && open.length > 0) {
      // Non-exclusive: already on this side. A fixed size tops up or trims to the quantity; relative sizes hold.
      if (this.settings.sizing.kind === "fixed") this.adjustToFixed(d, dec(this.settings.sizing.quantity));
      return;
    }
    this.enter(d, signalClose);
  }

  /** After each closed bar: trailing stops follow its high/low, expired entry orders are canceled. */
  onBarClosed(barIndex: number, high: number, low: number): void {
    if (this.settings.exits.trailingStopPct !== undefined) {
      for (const trade of this.book.open) {
        trade.best = trade.size.isPositive() ? Math.max(trade.best, high) : Math.min(trade.best, low);
        const { stop } = exitLevels(trade, this.settings.exits, this.grid.tick);
        if ((stop?.toFixed() ?? null) !== (this.exitIds.get(trade)?.stop ?? null)) this.syncExits(trade);
      }
    }
    if (this.entries.size === 0) return;
    for (const [id, lastBar] of this.entries) if (lastBar <= barIndex) this.desk.cancel(id);
  }

  /** End of the run: cancels resting orders, then closes every open trade at price. */
  finalize(price: number): void {
    this.desk.cancelAll();
    this.desk.print(price);
    for (const trade of [...this.book.open]) this.closeUnits(trade, trade.size.abs());
  }

  private tradeDelta(target: Decimal): void {
    const delta = target.sub(this.settings.portfolio.positionQuantity(this.settings.instrument.symbol));
    if (delta.isZero()) return;
    this.desk.submit({ side: delta.isPositive() ? "BUY" : "SELL", type: "MARKET", quantity: delta.abs() });
  }

  private closeUnits(trade: OpenTrade, qty: Decimal): void {
    this.closing.set(this.desk.nextOrderId, trade);
    this.desk.submit({ side: trade.size.isNegative() ? "BUY" : "SELL", type: "MARKET", quantity: qty });
  }

  private adjustToFixed(d: 1 | -1, wanted: Decimal): void {
    const held = this.book.held().abs();
    const price = this.desk.lastPrice;
    if (held.lt(wanted)) {
      const extra = wanted.sub(held);
      if (this.affordable(extra, d, dec(price))) this.marketEntry(d, extra);
      return;
    }
    let excess = held.sub(wanted);
    for (const trade of [...this.book.open]) {
      if (excess.lte(0)) break;
      const qty = excess.lt(trade.size.abs()) ? excess : trade.size.abs();
      this.closeUnits(trade, qty);
      excess = excess.sub(qty);
    }
  }

  private enter(d: 1 | -1, signalClose: number): void {
    const { entry } = this.settings;
    const price = entry.type === "market" ? null : entryPrice(entry, d, signalClose, this.grid.tick);
    const size = this.entrySize(d, price === null ? this.desk.lastPrice : price.toNumber());
    if (!size.gt(0)) return;
    if (price === null) return this.marketEntry(d, size);
    const id = this.desk.nextOrderId;
    this.desk.submit({ side: d > 0 ? "BUY" : "SELL", type: entry.type === "limit" ? "LIMIT" : "STOP", quantity: size, price });
    if (this.desk.resting.has(id)) this.entries.set(id, entry.validBars === undefined ? Infinity : this.place.bar + entry.validBars - 1);
  }

  private marketEntry(d: 1 | -1, size: Decimal): void {
    const print = this.desk.lastPrice;
    // The spread moves the entry print against the trader; the broker puts it on the tick grid.
    if (!this.settings.spread.isZero()) this.desk.print(dec(print).mul(this.settings.spread.mul(d).add(1)).toNumber());
    this.desk.submit({ side: d > 0 ? "BUY" : "SELL", type: "MARKET", quantity: size });
    if (!this.settings.spread.isZero()) this.desk.print(print);
  }

  /** Units for a new entry at price, per the sizing rule (backtesting.py: margin available / (adjusted price + commission)). */
  private entrySize(d: 1 | -1, priceFloat: number): Decimal {
    const { sizing, exits } = this.settings;
    const price = dec(priceFloat);
    if (sizing.kind === "fixed") {
      const qty = dec(sizing.quantity);
      return this.affordable(qty, d, price) ? qty : ZERO;
    }
    const margin = this.marginAvailable(price);
    const unitCost = this.unitCost(d, price);
    const allIn = this.grid.lot.floor(margin.mul(ALL_IN_FRACTION).div(unitCost));
    if (sizing.kind === "all-in-units") return allIn;
    if (sizing.kind !== "risk") return this.grid.lot.floor(margin.mul(sizing.kind === "fraction" ? sizing.fraction : 0).div(unitCost));
    // Fixed risk: the loss at the stop-loss (stopLossPct of the entry price per unit) is `fraction` of equity.
    const risked = this.equityAt(price).mul(sizing.fraction);
    const byRisk = this.grid.lot.floor(risked.div(price.mul(exits.stopLossPct ?? 1)));
    return byRisk.lt(allIn) ? byRisk : allIn;
  }

  private affordable(qty: Decimal, d: 1 | -1, price: Decimal): boolean {
    return qty.mul(this.unitCost(d, price)).lte(this.marginAvailable(price));
  }

  private unitCost(d: 1 | -1, price: Decimal): Decimal {
    return price.mul(this.settings.spread.mul(d).add(1)).add(price.mul(this.settings.commission));
  }

  private equityAt(price: Decimal): Decimal {
    const { portfolio, instrument } = this.settings;
    return portfolio.cash().add(portfolio.positionQuantity(instrument.symbol).mul(price));
  }

  /** Equity at price minus the value of the open trades (margin 1). */
  private marginAvailable(price: Decimal): Decimal {
    const used = this.book.open.reduce((sum, t) => sum.add(t.size.abs().mul(price)), ZERO);
    const available = this.equityAt(price).sub(used);
    return available.gt(0) ? available : ZERO;
  }

  /** Replaces the trade's resting exit orders with ones for its current size and levels. */
  private syncExits(trade: OpenTrade): void {
    if (!this.hasExits) return;
    this.cancelExits(trade);
    const { stop, takeProfit } = exitLevels(trade, this.settings.exits, this.grid.tick);
    const side = trade.size.isNegative() ? "BUY" : "SELL";
    const quantity = trade.size.abs();
    const current = { ids: [] as string[], stop: stop?.toFixed() ?? null };
    this.exitIds.set(trade, current);
    // The stop goes in first. A fill here can close the trade at once (the print is already through the level):
    // onFill then cancels what was placed so far.
    for (const [type, price] of [["STOP", stop], ["LIMIT", takeProfit]] as const) {
      if (price === null || !this.book.open.includes(trade)) continue;
      const id = this.desk.nextOrderId;
      this.closing.set(id, trade);
      this.desk.submit({ side, type, quantity, price });
      if (this.desk.resting.has(id)) current.ids.push(id);
      else this.closing.delete(id);
    }
  }

  private cancelExits(trade: OpenTrade): void {
    const current = this.exitIds.get(trade);
    if (current === undefined) return;
    this.exitIds.delete(trade);
    for (const id of current.ids) {
      this.closing.delete(id);
      this.desk.cancel(id);
    }
  }
}
