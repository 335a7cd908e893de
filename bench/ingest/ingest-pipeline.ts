import type { Instrument } from "@/lib/domain/instrument";
import type { Bar, Tick } from "@/lib/domain/market-data";
import type { Order } from "@/lib/domain/order";
import type { AccountingAfterFill } from "@/lib/engine/persistence/order-journal";
import type { BrokerEvent } from "@/lib/execution/broker";
import { PaperBroker } from "@/lib/execution/paper-broker";
import { BarAggregator } from "@/lib/market/bar-aggregator";
import { Portfolio } from "@/lib/portfolio/portfolio";
import type { MessageHandler } from "../harness/passes";

export interface IngestPipelineOptions {
  instruments: readonly Instrument[];
  restingOrders: readonly Order[];
  initialCash: string;
  /** What runs on each closed bar besides counting it (the models benchmark runs the ensemble here). */
  onBarClosed?: (bar: Bar) => void;
}

// The engine's defaults (lib/config.ts), so fills cost what they cost in production.
const BROKER_DEFAULTS = { slippageBps: 1, makerFeeBps: 1, takerFeeBps: 5, partialFills: true } as const;

/**
 * The synchronous part of the engine's onTick (lib/engine/start-engine.ts) plus what OrderRouter.handle
 * does at once with fills; the tick and bar writers, socket publishing and journal writes are batched or
 * asynchronous there, so they are left out here.
 */
export class IngestPipeline implements MessageHandler {
  readonly portfolio: Portfolio;
  readonly aggregator: BarAggregator;
  readonly broker: PaperBroker;
  barsClosed = 0;
  fills = 0;
  lastAfterFill: AccountingAfterFill | null = null;
  private readonly lastTrade = new Map<string, { price: number; receivedAt: number }>();

  constructor(options: IngestPipelineOptions) {
    this.portfolio = new Portfolio({ initialCash: options.initialCash, instruments: options.instruments });
    const onBarClosed = options.onBarClosed;
    this.aggregator = new BarAggregator({ onBarClosed: onBarClosed ? (bar) => (this.barsClosed++, onBarClosed(bar)) : () => this.barsClosed++ });
    this.broker = new PaperBroker({ instruments: options.instruments, ...BROKER_DEFAULTS });
    for (const order of options.restingOrders) this.submitResting(order);
  }

  handle(message: string): void {
    const tick = JSON.parse(message) as Tick;
    this.lastTrade.set(tick.symbol, { price: tick.price, receivedAt: Date.now() });
    this.portfolio.mark(tick.symbol, tick.price, tick.ts);
    this.aggregator.onTick(tick);
    const events = this.broker.onTick(tick);
    if (events.length > 0) this.applyFills(events);
  }

  /** As OrderRouter.handle: each fill hits the portfolio now, with the after-fill figures the journal stores. */
  private applyFills(events: readonly BrokerEvent[]): void {
    for (const event of events) {
      if (event.type !== "fill") continue;
      this.portfolio.applyFill(event.fill);
      this.fills++;
      this.lastAfterFill = this.accountingAfter(event.fill.symbol);
    }
  }

  /** The same strings OrderRouter computes for the journal after every fill. */
  private accountingAfter(symbol: string): AccountingAfterFill {
    const position = this.portfolio.position(symbol);
    if (position === undefined) throw new Error(`No position after a fill on ${symbol}`);
    return {
      position: { symbol, quantity: position.quantity.toFixed(), costBasis: position.costBasis.toFixed(), realizedPnl: position.realizedPnl.toFixed() },
      account: { cash: this.portfolio.cash().toFixed(), fees: this.portfolio.fees().toFixed() },
    };
  }

  private submitResting(order: Order): void {
    const events = this.broker.submit(order);
    if (events.length !== 1 || events[0].type !== "accepted") {
      throw new Error(`Resting order ${order.id} was not simply accepted: ${events.map((e) => e.type).join(", ")}`);
    }
  }
}
