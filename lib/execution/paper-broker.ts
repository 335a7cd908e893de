import type { Decimal } from "decimal.js";
import type { Instrument } from "@/lib/domain/instrument";
import type { Tick } from "@/lib/domain/market-data";
import type { Fill, Order } from "@/lib/domain/order";
import { dec, type DecimalInput } from "@/lib/domain/money";
import { transition } from "@/lib/domain/order-state-machine";
import { amendRefusal, withChange, type OrderChange } from "@/lib/execution/amend/order-change";
import type { AmendResult, Broker, BrokerEvent, CancelResult } from "@/lib/execution/broker";
import { bpsFactor, feeRate } from "@/lib/execution/fee-model";
import { boundedByLimit, takerPrice, type SlippageFactors } from "@/lib/execution/fill-price";
import { instrumentGrid, type InstrumentGrid } from "@/lib/execution/instrument-grid";
import { applyExecution, buildFill, defaultFillId, remainingQuantity, type FillAmounts } from "@/lib/execution/order-fill";
import { parseDecimal, validateOrderShape } from "@/lib/execution/order-validation";
import { RestingBook, restingTrigger, type RestingOrder } from "@/lib/execution/resting-book";

export const PAPER_REJECT_REASONS = ["UNKNOWN_SYMBOL", "INVALID_QUANTITY", "INVALID_PRICE", "NO_MARKET_PRICE"] as const;
export type PaperRejectReason = (typeof PAPER_REJECT_REASONS)[number];

export interface PaperBrokerConfig {
  instruments: readonly Instrument[];
  slippageBps: DecimalInput;
  makerFeeBps: DecimalInput;
  takerFeeBps: DecimalInput;
  /** Resting limits fill against each print's size (rounded down to the lot) instead of in full. */
  partialFills: boolean;
  /** Fill id; receives the order after the fill. Default `${order.id}:${cumulative filled quantity}`. */
  idFactory?: (orderAfterFill: Order) => string;
  /** Clock for fill ts and order updatedAt; the backtest passes its simulated clock. */
  now?: () => number;
  venue?: string;
}

interface SymbolState {
  instrument: Instrument;
  grid: InstrumentGrid;
  halfTick: number;
  /** Last trade price as the feed sent it; NaN until the first print. */
  last: number;
  book: RestingBook;
}

/** The paper venue's fill events always carry the exact amounts, so the accounting need not parse the strings. */
export type PaperFillEvent = Extract<BrokerEvent, { type: "fill" }> & { amounts: FillAmounts };
export type PaperBrokerEvent = Exclude<BrokerEvent, { type: "fill" }> | PaperFillEvent;
export type PaperCancelResult = { ok: true; events: readonly PaperBrokerEvent[] } | Extract<CancelResult, { ok: false }>;
export type PaperAmendResult = { ok: true; events: readonly PaperBrokerEvent[] } | Extract<AmendResult, { ok: false }>;

const NO_EVENTS: readonly PaperBrokerEvent[] = Object.freeze([]);

/** The paper venue: fills against the engine's trade prints. Synchronous: every call returns its events. */
export class PaperBroker implements Broker {
  readonly venue: string;
  private readonly symbols = new Map<string, SymbolState>();
  private readonly resting = new Map<string, RestingOrder>();
  private readonly slippage: SlippageFactors;
  private readonly makerFeeRate: Decimal;
  private readonly takerFeeRate: Decimal;
  private readonly fillId: (orderAfterFill: Order) => string;
  private readonly now: () => number;
  private seq = 0;

  constructor(private readonly config: PaperBrokerConfig) {
    this.venue = config.venue ?? "paper";
    const slippageBps = dec(config.slippageBps);
    this.slippage = { buy: bpsFactor(slippageBps, 1), sell: bpsFactor(slippageBps, -1) };
    this.makerFeeRate = feeRate(dec(config.makerFeeBps));
    this.takerFeeRate = feeRate(dec(config.takerFeeBps));
    this.fillId = config.idFactory ?? defaultFillId;
    this.now = config.now ?? Date.now;
    for (const instrument of config.instruments) {
      const halfTick = Number(instrument.tickSize) / 2;
      this.symbols.set(instrument.symbol, { instrument, grid: instrumentGrid(instrument), halfTick, last: Number.NaN, book: new RestingBook() });
    }
  }

  /** Submitting an order id that is already resting is a no-op (returns no events). */
  submit(order: Order): readonly PaperBrokerEvent[] {
    if (this.resting.has(order.id)) return NO_EVENTS;
    const state = this.symbols.get(order.symbol);
    if (state === undefined) return [this.reject(order, "UNKNOWN_SYMBOL")];
    const invalid = validateOrderShape(order, state.instrument);
    if (invalid !== null) return [this.reject(order, invalid)];
    if (order.type === "MARKET" && Number.isNaN(state.last)) return [this.reject(order, "NO_MARKET_PRICE")];

    const accepted = this.withStatus(order, transition(order.status, { type: "ACCEPT" }));
    const events: PaperBrokerEvent[] = [{ type: "accepted", order: accepted }];
    events.push(...this.onArrival(accepted, state));
    return events;
  }

  cancel(orderId: string): PaperCancelResult {
    const entry = this.resting.get(orderId);
    if (entry === undefined) return { ok: false, orderId, reason: "ORDER_NOT_OPEN" };
    this.unrest(entry);
    return { ok: true, events: [this.cancelEvent(entry.order)] };
  }

  /**
   * Changes a resting order. A smaller size keeps the order's place in the time priority among our resting orders; a
   * new price or a larger size arrives anew, as at most venues: it goes to the back and, when now marketable, fills.
   */
  amend(orderId: string, change: OrderChange): PaperAmendResult {
    const entry = this.resting.get(orderId);
    if (entry === undefined) return { ok: false, orderId, reason: "ORDER_NOT_OPEN", message: "not resting at the paper venue" };
    const state = this.symbols.get(entry.order.symbol) as SymbolState;
    const refusal = amendRefusal(entry.order, change, state.instrument);
    if (refusal !== null) return { ok: false, orderId, ...refusal };
    const amended = withChange(entry.order, change, this.now());
    const events: PaperBrokerEvent[] = [{ type: "amended", order: amended }];
    const samePrice = change.price === undefined || dec(change.price).eq(entry.price);
    if (samePrice && dec(amended.quantity).lte(entry.order.quantity)) {
      entry.order = amended;
      return { ok: true, events };
    }
    this.unrest(entry);
    events.push(...this.onArrival(amended, state));
    return { ok: true, events };
  }

  onTick(tick: Tick): readonly PaperBrokerEvent[] {
    const state = this.symbols.get(tick.symbol);
    const price = tick.price;
    if (state === undefined || !(price > 0 && price < Infinity)) return NO_EVENTS;
    state.last = price;
    if (!state.book.mayTrigger(price)) return NO_EVENTS;
    return this.matchPrint(state, tick);
  }

  openOrders(): Order[] {
    return [...this.resting.values()].sort((a, b) => a.seq - b.seq).map((e) => e.order);
  }

  /** Re-loads resting orders (ACCEPTED or PARTIALLY_FILLED LIMIT/STOP) after a restart; all or nothing: throws on anything else. */
  restore(openOrders: readonly Order[]): void {
    const ordered = [...openOrders].sort((a, b) => a.createdAt - b.createdAt);
    const states = ordered.map((order) => {
      const state = this.symbols.get(order.symbol);
      if (state === undefined || !isRestable(order, state.instrument)) {
        throw new RangeError(`Cannot restore order ${order.id} (${order.type} ${order.status} ${order.symbol})`);
      }
      return state;
    });
    ordered.forEach((order, i) => {
      if (!this.resting.has(order.id)) this.rest(order, states[i] as SymbolState);
    });
  }

  private onArrival(order: Order, state: SymbolState): PaperBrokerEvent[] {
    if (order.type === "MARKET") return [this.takerFill(order, state, state.last)];
    const price = dec(order.price ?? "0");
    const hasLast = !Number.isNaN(state.last);
    const touch = hasLast ? state.grid.tick.fromFloat(state.last) : null;
    if (order.type === "LIMIT") {
      const marketable = touch !== null && (order.side === "BUY" ? price.gte(touch) : price.lte(touch));
      if (marketable) return [this.takerFill(order, state, state.last, price)];
      if (order.timeInForce === "IOC") return [this.cancelEvent(order)];
    } else {
      const triggered = touch !== null && (order.side === "BUY" ? touch.gte(price) : touch.lte(price));
      if (triggered) return [this.takerFill(order, state, state.last)];
    }
    this.rest(order, state);
    return [];
  }

  private matchPrint(state: SymbolState, tick: Tick): PaperBrokerEvent[] {
    const events: PaperBrokerEvent[] = [];
    const lot = state.grid.lot;
    let available = this.config.partialFills && tick.size > 0 ? dec(tick.size) : dec(0);
    for (const entry of state.book.triggeredBy(tick.price)) {
      if (entry.order.type === "STOP") {
        events.push(this.takerFill(entry.order, state, tick.price));
        this.unrest(entry);
        continue;
      }
      const remaining = remainingQuantity(entry.order);
      const qty = this.config.partialFills ? lot.floor(minDecimal(remaining, available)) : remaining;
      if (qty.isZero()) continue;
      available = available.sub(qty);
      const event = this.execute(entry.order, qty, entry.price, "MAKER");
      events.push(event);
      if (event.order.status === "FILLED") this.unrest(entry);
      else entry.order = event.order;
    }
    return events;
  }

  /** Fills the whole remaining quantity at the slipped touch, capped by the limit when there is one. */
  private takerFill(order: Order, state: SymbolState, last: number, limit?: Decimal): PaperFillEvent {
    const tick = state.grid.tick;
    const slipped = takerPrice(tick.fromFloat(last), order.side, this.slippage, tick);
    const price = limit === undefined ? slipped : boundedByLimit(slipped, limit, order.side);
    return this.execute(order, remainingQuantity(order), price, "TAKER");
  }

  private execute(order: Order, qty: Decimal, price: Decimal, liquidity: Fill["liquidity"]): PaperFillEvent {
    const ts = this.now();
    const fee = qty.mul(price).mul(liquidity === "MAKER" ? this.makerFeeRate : this.takerFeeRate);
    const updated = applyExecution(order, qty, price, ts);
    const fill = buildFill(updated, { id: this.fillId(updated), quantity: qty, price, fee, liquidity, ts });
    return { type: "fill", order: updated, fill, amounts: { quantity: qty, price, fee } };
  }

  private rest(order: Order, state: SymbolState): void {
    const price = parseDecimal(order.price) ?? dec(0);
    const entry: RestingOrder = { order, seq: ++this.seq, price, ...restingTrigger(order, price, state.halfTick) };
    this.resting.set(order.id, entry);
    state.book.add(entry);
  }

  private unrest(entry: RestingOrder): void {
    this.resting.delete(entry.order.id);
    this.symbols.get(entry.order.symbol)?.book.remove(entry);
  }

  private reject(order: Order, reason: PaperRejectReason): PaperBrokerEvent {
    const rejected = { ...this.withStatus(order, transition(order.status, { type: "REJECT" })), rejectReason: reason };
    return { type: "rejected", order: rejected, reason };
  }

  private cancelEvent(order: Order): PaperBrokerEvent {
    return { type: "canceled", order: this.withStatus(order, transition(order.status, { type: "CANCEL" })) };
  }

  private withStatus(order: Order, status: Order["status"]): Order {
    return { ...order, status, updatedAt: this.now() };
  }
}

function isRestable(order: Order, instrument: Instrument): boolean {
  const resting = order.status === "ACCEPTED" || order.status === "PARTIALLY_FILLED";
  return resting && order.type !== "MARKET" && validateOrderShape(order, instrument) === null && remainingQuantity(order).gt(0);
}

function minDecimal(a: Decimal, b: Decimal): Decimal {
  return a.lt(b) ? a : b;
}
