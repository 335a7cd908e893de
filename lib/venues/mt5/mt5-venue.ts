import { Decimal } from "decimal.js";
import type { Instrument } from "@/lib/domain/instrument";
import type { Order } from "@/lib/domain/order";
import {
  VenueOutcomeUnknown, VenueRejected,
  type LiveVenue, type VenueConnectionStatus, type VenueExecution, type VenueHandlers, type VenueOrder, type VenuePosition,
} from "@/lib/execution/live-venue";
import { logger } from "@/lib/logger";
import { Mt5CommandAborted, Mt5NoReply } from "./bridge-errors";
import { formatLots, formatNumber, isBuyType, ORDER_TYPE } from "./commands";
import type { Mt5Bridge } from "./mt5-bridge";
import { nettingSteps, type NettingStep } from "./netting";
import { clientOrderIdFromComment, commentForClientOrderId } from "./order-comment";
import type { Mt5Failure, OpenTrade } from "./replies";
import { ExecutionLog } from "./execution-log";
import { tradeToVenueOrder, type SymbolSpec } from "./venue-records";

const log = logger("mt5-venue");

export interface Mt5VenueOptions {
  bridge: Mt5Bridge;
  /** Marks our trades; the trader's own (another magic) are never taken for ours. */
  magic: number;
  symbols: readonly string[];
  spec: (symbol: string) => SymbolSpec;
  /** How often open trades are read to see pending orders fill or vanish (default 2 s). */
  pollMs?: number;
}

// An OPEN may wait up to 30 s in the EA's trade context before it executes; after that a missing trade never appears.
const UNKNOWN_GRACE_MS = 60_000;

/**
 * MetaTrader 5 through the DWX EA as a LiveVenue. MT keeps one ticket per trade while the platform keeps net
 * positions, so a market order first closes our opposite trades (oldest first) and opens a trade only for the rest.
 * Our client order id rides in the trade's comment and our magic number marks the trade as ours.
 */
export class Mt5Venue implements LiveVenue {
  readonly name = "mt5";
  readonly unknownGraceMs = UNKNOWN_GRACE_MS;
  private readonly executionLog = new ExecutionLog();
  private handlers: VenueHandlers | null = null;
  private poller: ReturnType<typeof setInterval> | null = null;
  private lastTrades = new Map<string, OpenTrade>();
  private lastStatus: VenueConnectionStatus;
  private restartsSeen = 0;

  constructor(private readonly options: Mt5VenueOptions) {
    this.lastStatus = { venue: "mt5", state: "connecting", detail: null, lastMessageAt: null, since: Date.now() };
  }

  async start(handlers: VenueHandlers): Promise<void> {
    this.handlers = handlers;
    await this.options.bridge.heartbeat().catch(() => undefined);
    this.publishStatus();
    this.poller = setInterval(() => void this.poll(), this.options.pollMs ?? 2_000);
  }

  async stop(): Promise<void> {
    if (this.poller) clearInterval(this.poller);
    this.handlers = null;
  }

  status(): VenueConnectionStatus {
    return this.lastStatus;
  }

  /** MT's grid is configured (MT5_SYMBOL_SPECS), not sent by the EA: the feed's instruments already carry it. */
  async instruments(): Promise<Instrument[]> {
    return [];
  }

  async submit(order: Order): Promise<VenueOrder> {
    const comment = commentForClientOrderId(order.clientOrderId);
    if (!comment) throw new VenueRejected("CLIENT_ORDER_ID", "MetaTrader's comment holds at most 29 characters of client order id (or a lower-case UUID)");
    const lots = formatLots(order.quantity, this.options.spec(order.symbol).lotStep);
    if (!new Decimal(lots).eq(order.quantity)) throw new VenueRejected("LOT_STEP", `${order.quantity} lots is not a multiple of ${order.symbol}'s lot step`);
    return order.type === "MARKET" ? this.submitMarket(order, comment, lots) : this.submitPending(order, comment, lots);
  }

  private async submitMarket(order: Order, comment: string, lots: string): Promise<VenueOrder> {
    // Only a read so far: whatever went wrong, nothing was sent.
    const trades = await this.ourTrades().catch((error: unknown) => {
      if (error instanceof VenueRejected) throw error;
      throw new VenueRejected("OPEN_TRADES_UNAVAILABLE", `MetaTrader's open trades could not be read, so nothing was sent (${error instanceof Error ? error.message : String(error)})`);
    });
    const ours = trades.filter((t) => t.symbol === order.symbol && !isPendingType(t.type));
    const steps = nettingSteps(order.side, lots, ours.map((t) => ({ ticket: t.ticket, side: isBuyType(t.type) ? "BUY" : "SELL", lots: t.lots, openTime: t.openTime })));
    let filled = new Decimal(0);
    let lastTicket = "";
    for (const [index, step] of steps.entries()) {
      try {
        const fill = await this.runStep(order, step, comment, index);
        filled = filled.add(fill.lots);
        lastTicket = fill.ticket;
      } catch (error) {
        if (filled.isZero()) throw error;
        // Part of the order executed before MetaTrader refused the rest: it ends canceled with what filled.
        log.warn({ err: error, orderId: order.id, filled: filled.toFixed() }, "market order on MT5 partly executed");
        return this.marketRecord(order, lastTicket, "CANCELED", filled);
      }
    }
    return this.marketRecord(order, lastTicket, "FILLED", filled);
  }

  /** One close, partial close or open, as one execution of the order. */
  private async runStep(order: Order, step: NettingStep, comment: string, index: number): Promise<{ ticket: string; lots: string }> {
    const { bridge, magic } = this.options;
    if (step.kind === "open") {
      const opened = refusedOr(await guarded(() => bridge.open({ type: order.side === "BUY" ? ORDER_TYPE.BUY : ORDER_TYPE.SELL, symbol: order.symbol, lots: step.lots, comment, magic })));
      this.executionLog.add(order, { execId: `${opened.ticket}:open`, venueOrderId: opened.ticket, quantity: step.lots, price: opened.openPrice });
      return { ticket: opened.ticket, lots: step.lots };
    }
    const close = step.kind === "close" ? bridge.close({ ticket: step.ticket, lots: step.lots }) : bridge.closePartial({ ticket: step.ticket, lots: step.lots });
    const closed = refusedOr(await guarded(() => close));
    if (closed.closePrice === null) throw new VenueRejected("CLOSE_FAILED", `MetaTrader did not close ticket ${step.ticket}`);
    const quantity = closed.closeLots ?? step.lots;
    this.executionLog.add(order, { execId: `${step.ticket}:close:${order.clientOrderId}:${index}`, venueOrderId: step.ticket, quantity, price: closed.closePrice });
    return { ticket: step.ticket, lots: quantity };
  }

  private marketRecord(order: Order, ticket: string, status: "FILLED" | "CANCELED", filled: Decimal): VenueOrder {
    return {
      venueOrderId: ticket || order.clientOrderId, clientOrderId: order.clientOrderId, symbol: order.symbol, side: order.side, type: "MARKET",
      quantity: order.quantity, price: null, status, filledQuantity: filled.toFixed(), averageFillPrice: null, rejectReason: null, updatedAt: Date.now(),
    };
  }

  private async submitPending(order: Order, comment: string, lots: string): Promise<VenueOrder> {
    const type = order.type === "LIMIT" ? (order.side === "BUY" ? ORDER_TYPE.BUYLIMIT : ORDER_TYPE.SELLLIMIT) : order.side === "BUY" ? ORDER_TYPE.BUYSTOP : ORDER_TYPE.SELLSTOP;
    const price = formatNumber(order.price!, this.options.spec(order.symbol).digits);
    const opened = refusedOr(await guarded(() => this.options.bridge.open({ type, symbol: order.symbol, price, lots, comment, magic: this.options.magic })));
    // Known as pending from now on, so a fill before the next poll is still seen as this order's fill.
    this.lastTrades.set(opened.ticket, {
      ticket: opened.ticket, magic: String(this.options.magic), symbol: order.symbol, lots, type, openPrice: price, openTime: opened.openTime,
      sl: null, tp: null, pnl: "0", comment,
    });
    return {
      venueOrderId: opened.ticket, clientOrderId: order.clientOrderId, symbol: order.symbol, side: order.side, type: "LIMIT", quantity: order.quantity,
      price: order.price ?? null, status: "ACCEPTED", filledQuantity: "0", averageFillPrice: null, rejectReason: null, updatedAt: Date.now(),
    };
  }

  async cancel(order: Order, venueOrderId?: string): Promise<VenueOrder> {
    const trade = (await this.ourTrades()).find((t) => t.ticket === venueOrderId || clientOrderIdFromComment(t.comment) === order.clientOrderId);
    if (!trade) throw new VenueRejected("NOT_FOUND", `MetaTrader has no open order ${order.clientOrderId}`);
    if (!isPendingType(trade.type)) throw new VenueRejected("ORDER_FILLED", `Order ${order.clientOrderId} already executed on MetaTrader (ticket ${trade.ticket})`);
    refusedOr(await guarded(() => this.options.bridge.close({ ticket: trade.ticket })));
    return { ...tradeToVenueOrder(trade, order.clientOrderId), status: "CANCELED", updatedAt: Date.now() };
  }

  async amend(order: Order): Promise<VenueOrder> {
    throw new VenueRejected("NOT_SUPPORTED", `The MetaTrader bridge cannot change order ${order.clientOrderId}'s price or size: cancel it and place a new one`);
  }

  /** Our trade carrying this client order id in its comment; a filled one brings its opening execution along. */
  async lookup(symbol: string, clientOrderId: string): Promise<VenueOrder | null> {
    const trade = (await this.ourTrades()).find((t) => t.symbol === symbol && clientOrderIdFromComment(t.comment) === clientOrderId);
    if (!trade) return null;
    const record = tradeToVenueOrder(trade, clientOrderId);
    if (record.status === "FILLED") this.executionLog.addFromTrade(trade, clientOrderId);
    return record;
  }

  async openOrders(): Promise<VenueOrder[]> {
    return (await this.ourTrades()).filter((t) => isPendingType(t.type)).map((t) => tradeToVenueOrder(t, clientOrderIdFromComment(t.comment)));
  }

  async positions(): Promise<VenuePosition[]> {
    const net = new Map<string, { quantity: Decimal; cost: Decimal }>();
    for (const trade of (await this.ourTrades()).filter((t) => !isPendingType(t.type))) {
      const signed = new Decimal(trade.lots).mul(isBuyType(trade.type) ? 1 : -1);
      const entry = net.get(trade.symbol) ?? { quantity: new Decimal(0), cost: new Decimal(0) };
      net.set(trade.symbol, { quantity: entry.quantity.add(signed), cost: entry.cost.add(signed.mul(trade.openPrice)) });
    }
    return [...net].map(([symbol, { quantity, cost }]) => ({ symbol, quantity: quantity.toFixed(), averagePrice: quantity.isZero() ? null : cost.div(quantity).toFixed() }));
  }

  async executions(since: number): Promise<VenueExecution[]> {
    return this.executionLog.since(since);
  }

  /** Every order in the terminal carrying our magic number. */
  private async ourTrades(): Promise<OpenTrade[]> {
    const trades = await guarded(() => this.options.bridge.openTrades());
    if (!Array.isArray(trades)) throw new Error(`MetaTrader did not list its trades: ${trades.message}`);
    return trades.filter((t) => t.magic === String(this.options.magic));
  }

  /** Pending orders that became trades are fills; the EA tells nobody, so its list is read every few seconds. */
  private async poll(): Promise<void> {
    this.publishStatus();
    if (this.lastStatus.state !== "connected") return;
    const trades = await this.ourTrades().catch(() => null);
    if (!trades) return;
    for (const trade of trades) {
      const before = this.lastTrades.get(trade.ticket);
      if (before && isPendingType(before.type) && !isPendingType(trade.type)) this.pendingFilled(trade);
    }
    for (const [ticket, before] of this.lastTrades) {
      if (isPendingType(before.type) && !trades.some((t) => t.ticket === ticket)) this.pendingGone(before);
    }
    this.lastTrades = new Map(trades.map((t) => [t.ticket, t]));
  }

  private pendingFilled(trade: OpenTrade): void {
    const clientOrderId = clientOrderIdFromComment(trade.comment);
    const execution = this.executionLog.addFromTrade(trade, clientOrderId);
    this.handlers?.update({ kind: "execution", execution });
    this.handlers?.update({ kind: "order", order: tradeToVenueOrder(trade, clientOrderId) });
  }

  private pendingGone(trade: OpenTrade): void {
    const order = { ...tradeToVenueOrder(trade, clientOrderIdFromComment(trade.comment)), status: "CANCELED" as const, updatedAt: Date.now() };
    this.handlers?.update({ kind: "order", order });
  }

  private publishStatus(): void {
    const { connected, lastHeartbeatAt, lastError, eaRestarts } = this.options.bridge.status();
    const state = connected ? "connected" : "disconnected";
    if (state !== this.lastStatus.state || lastError !== this.lastStatus.detail) {
      this.lastStatus = { venue: "mt5", state, detail: lastError, lastMessageAt: lastHeartbeatAt, since: Date.now() };
      this.handlers?.status(this.lastStatus);
    } else {
      this.lastStatus = { ...this.lastStatus, lastMessageAt: lastHeartbeatAt };
    }
    if (eaRestarts > this.restartsSeen) {
      this.restartsSeen = eaRestarts;
      this.handlers?.reconnected();
    }
  }
}

function isPendingType(type: number): boolean {
  return type >= 2;
}

/** An EA refusal (an MT error code) becomes the venue's rejection. */
function refusedOr<T extends object>(result: T | Mt5Failure): T {
  if ("ok" in result && result.ok === false) throw new VenueRejected(result.code, result.message);
  return result as T;
}

/** No reply: the command may have executed (UNKNOWN). A guard reply or an unreachable EA: it did not. */
async function guarded<T>(command: () => Promise<T>): Promise<T> {
  try {
    return await command();
  } catch (error) {
    if (error instanceof Mt5NoReply) throw new VenueOutcomeUnknown(error.message);
    if (error instanceof Mt5CommandAborted) throw new VenueRejected(error.code, error.message);
    throw new VenueRejected("UNREACHABLE", error instanceof Error ? error.message : String(error));
  }
}
