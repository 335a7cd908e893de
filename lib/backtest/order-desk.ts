import type { Decimal } from "decimal.js";
import type { Instrument } from "@/lib/domain/instrument";
import type { AggressorSide } from "@/lib/domain/market-data";
import type { Fill, Order, OrderSide, OrderType } from "@/lib/domain/order";
import { ZERO } from "@/lib/domain/money";
import type { FillAmounts } from "@/lib/execution/order-fill";
import type { PaperBroker, PaperBrokerEvent } from "@/lib/execution/paper-broker";
import type { Portfolio } from "@/lib/portfolio/portfolio";
import type { PreTradeGate } from "@/lib/risk/pre-trade-gate";
import type { RiskLimits } from "@/lib/domain/account";
import type { BacktestOrderRecord, BacktestRejection } from "@/lib/backtest/types";

export interface OrderRequest {
  side: OrderSide;
  type: OrderType;
  quantity: Decimal;
  /** Limit or stop price, on the tick grid. */
  price?: Decimal;
}

export interface OrderDeskDeps {
  instrument: Instrument;
  broker: PaperBroker;
  portfolio: Portfolio;
  gate: PreTradeGate;
  limits: RiskLimits;
  now: () => number;
  /** Every fill (and the exact amounts its strings were written from), after the portfolio has it. */
  onFill: (fill: Fill, amounts: FillAmounts, order: Order) => void;
}

/**
 * The backtest's trading path, the live one minus persistence: request -> pre-trade gate -> PaperBroker ->
 * events -> fills applied to the Portfolio once. Trade prints go to the broker the same way the live engine's
 * ticks do, so resting LIMIT/STOP orders fill in the venue code.
 */
export class OrderDesk {
  readonly orders: BacktestOrderRecord[] = [];
  readonly fills: Fill[] = [];
  readonly rejected: BacktestRejection[] = [];
  /** Resting orders by id, in arrival order. */
  readonly resting = new Map<string, Order>();
  private readonly records = new Map<string, BacktestOrderRecord>();
  private last = Number.NaN;
  private orderSeq = 0;
  private tickSeq = 0;

  constructor(private readonly deps: OrderDeskDeps) {}

  get lastPrice(): number {
    return this.last;
  }

  /** Id the next submitted order will get, so a caller can tie the order to its trade before fills come back. */
  get nextOrderId(): string {
    return `bt-${this.orderSeq + 1}`;
  }

  /** One trade print: marks the portfolio and lets the broker fill what it crosses. */
  print(price: number, size = 0, side: AggressorSide = "buy"): void {
    const { deps } = this;
    this.last = price;
    deps.portfolio.mark(deps.instrument.symbol, price);
    const events = deps.broker.onTick({ symbol: deps.instrument.symbol, ts: deps.now(), price, size, side, seq: ++this.tickSeq });
    if (events.length > 0) this.handle(events);
  }

  /** Sends an order through the gate to the broker; null when the gate refused it. */
  submit(request: OrderRequest): Order | null {
    const { deps } = this;
    const ts = deps.now();
    const id = `bt-${++this.orderSeq}`;
    const order: Order = {
      id,
      clientOrderId: id,
      accountId: "backtest",
      symbol: deps.instrument.symbol,
      side: request.side,
      type: request.type,
      quantity: request.quantity.toFixed(),
      price: request.price?.toFixed(),
      timeInForce: request.type === "MARKET" ? "IOC" : "GTC",
      source: "backtest",
      status: "NEW",
      filledQuantity: "0",
      averageFillPrice: null,
      rejectReason: null,
      venue: deps.broker.venue,
      createdAt: ts,
      updatedAt: ts,
    };
    const record: BacktestOrderRecord = { ts, side: order.side, quantity: order.quantity, type: order.type, status: "NEW" };
    if (order.price !== undefined) record.price = order.price;
    this.orders.push(record);
    const { portfolio } = deps;
    const decision = deps.gate(
      {
        instrument: deps.instrument,
        referencePrice: Number.isNaN(this.last) ? null : this.last,
        positionQuantity: portfolio.positionQuantity(order.symbol),
        // Valuing the portfolio costs decimal work and only the max-position check reads it.
        get equity() {
          return portfolio.equity();
        },
        limits: deps.limits,
        state: "ACTIVE",
      },
      order,
    );
    if (!decision.approved) {
      record.status = "REJECTED";
      this.rejected.push({ ts, code: decision.rejection.code, message: decision.rejection.message });
      return null;
    }
    this.records.set(id, record);
    return this.handle(deps.broker.submit(order), id) ?? order;
  }

  cancel(orderId: string): void {
    const result = this.deps.broker.cancel(orderId);
    if (result.ok) this.handle(result.events);
  }

  cancelAll(): void {
    for (const id of [...this.resting.keys()]) this.cancel(id);
  }

  /** Limit and stop prices of the resting orders, as floats. */
  restingPrices(): number[] {
    const prices: number[] = [];
    for (const order of this.resting.values()) prices.push(Number(order.price ?? ZERO));
    return prices;
  }

  /** Applies the broker's events; returns the last state of order `watched` among them, if any. */
  private handle(events: readonly PaperBrokerEvent[], watched?: string): Order | undefined {
    let latest: Order | undefined;
    for (const event of events) {
      const { order } = event;
      if (order.id === watched) latest = order;
      const record = this.records.get(order.id);
      if (record !== undefined) record.status = order.status;
      const open = order.status === "ACCEPTED" || order.status === "PARTIALLY_FILLED";
      if (open && order.type !== "MARKET") this.resting.set(order.id, order);
      else this.resting.delete(order.id);
      if (event.type === "fill") {
        this.deps.portfolio.applyFill(event.fill, event.amounts);
        this.fills.push(event.fill);
        this.deps.onFill(event.fill, event.amounts, order);
      }
    }
    return latest;
  }
}
