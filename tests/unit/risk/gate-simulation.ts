import type { Decimal } from "decimal.js";
import type { RiskLimits, RiskStateName } from "@/lib/domain/account";
import { DEFAULT_INSTRUMENTS, type Instrument } from "@/lib/domain/instrument";
import { dec, priceToDecimal } from "@/lib/domain/money";
import type { Order, OrderIntent } from "@/lib/domain/order";
import { Portfolio } from "@/lib/portfolio/portfolio";
import { marketValue } from "@/lib/portfolio/position";
import { grossExposureExcept, openOrdersValue } from "@/lib/risk/checks/exposure";
import { OrderWindow } from "@/lib/risk/order-window";
import type { PreTradeContext } from "@/lib/risk/pre-trade-context";

export const INSTRUMENTS = new Map<string, Instrument>(DEFAULT_INSTRUMENTS.map((i) => [i.symbol, i]));
export const START_PRICES: Record<string, number> = { BTCUSDT: 50_000, ETHUSDT: 3_000, SOLUSDT: 100 };

/** An accepted order as the test remembers it, independently of the OrderWindow under test. */
export interface AcceptedOrder {
  ts: number;
  intent: OrderIntent;
}

/**
 * A paper account the way the engine runs it: the same context inputs the OrderRouter builds, a Portfolio that MARKET
 * orders fill into at once at the current price, and resting LIMIT/STOP orders that fill later at their own price.
 */
export class GateSimulation {
  readonly portfolio = new Portfolio({ initialCash: 100_000, instruments: DEFAULT_INSTRUMENTS });
  readonly prices = new Map<string, number>(Object.entries(START_PRICES));
  readonly resting: Order[] = [];
  readonly accepted: AcceptedOrder[] = [];
  readonly window = new OrderWindow();
  state: RiskStateName = "ACTIVE";
  private seq = 0;

  constructor(readonly limits: RiskLimits, public now: number) {
    for (const [symbol, price] of this.prices) this.portfolio.mark(symbol, price);
  }

  movePrice(symbol: string, factor: number): void {
    const instrument = INSTRUMENTS.get(symbol)!;
    const price = priceToDecimal(this.prices.get(symbol)! * factor, instrument.tickSize).toNumber();
    if (!(price > 0)) return;
    this.prices.set(symbol, price);
    this.portfolio.mark(symbol, price);
  }

  context(symbol: string): PreTradeContext {
    const { portfolio } = this;
    return {
      instrument: INSTRUMENTS.get(symbol), referencePrice: this.prices.get(symbol) ?? null,
      positionQuantity: portfolio.positionQuantity(symbol), equity: portfolio.equity(), limits: this.limits, state: this.state,
      now: this.now, cash: portfolio.cash(), openOrders: openOrdersValue(this.resting, (s) => this.prices.get(s) ?? null),
      otherSymbolsExposure: grossExposureExcept(INSTRUMENTS.keys(), symbol, (s) => {
        const position = portfolio.position(s);
        return position === undefined ? null : marketValue(position, portfolio.markPrice(s));
      }),
      recentOrders: this.window,
    };
  }

  /** What the router does after the gate approves: remember the order, then fill it or let it rest. */
  accept(intent: OrderIntent, price: Decimal): void {
    this.window.record(intent, this.now);
    this.accepted.push({ ts: this.now, intent });
    const order: Order = { ...intent, id: `o-${++this.seq}`, status: "ACCEPTED", filledQuantity: "0", averageFillPrice: null, rejectReason: null, venue: "paper", createdAt: this.now, updatedAt: this.now };
    if (intent.type === "MARKET") this.fill(order, price);
    else this.resting.push(order);
  }

  /** Fills the resting order at `index` (modulo) whole, at its own price. */
  fillResting(index: number): void {
    if (this.resting.length === 0) return;
    const [order] = this.resting.splice(index % this.resting.length, 1);
    this.fill(order, dec(order.price!));
  }

  private fill(order: Order, price: Decimal): void {
    this.portfolio.applyFill({
      id: `f-${order.id}`, orderId: order.id, clientOrderId: order.clientOrderId, accountId: order.accountId, symbol: order.symbol,
      side: order.side, quantity: order.quantity, price: price.toFixed(), fee: "0", liquidity: "TAKER", ts: this.now,
    });
  }
}
