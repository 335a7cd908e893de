import { randomUUID } from "node:crypto";
import type { Decimal } from "decimal.js";
import type { Logger } from "pino";
import { BusRemoteError } from "@/lib/bus/bus";
import { appendAudit } from "@/lib/db/audit";
import type { Database } from "@/lib/db/client";
import type { Instrument } from "@/lib/domain/instrument";
import { dec } from "@/lib/domain/money";
import type { Order, OrderIntent, OrderSide } from "@/lib/domain/order";
import { transition } from "@/lib/domain/order-state-machine";
import { amendRefusal, notAmendable, remainingAfter, type OrderChange } from "@/lib/execution/amend/order-change";
import type { Broker, BrokerEvent } from "@/lib/execution/broker";
import type { Portfolio } from "@/lib/portfolio/portfolio";
import { failpoint } from "@/lib/runtime/failpoints";
import { countFill, countOrderStatus, countRejection } from "@/lib/metrics/trading";
import { marketValue } from "@/lib/portfolio/position";
import { grossExposureExcept, openOrdersValue } from "@/lib/risk/checks/exposure";
import { OrderWindow } from "@/lib/risk/order-window";
import { clipToLimits } from "@/lib/risk/sizing/clip-to-limits";
import type { PreTradeContext } from "@/lib/risk/pre-trade-context";
import type { PreTradeGate } from "@/lib/risk/pre-trade-gate";
import { RISK_REASON_CODES, type RiskReasonCode, type RiskRejection } from "@/lib/risk/reason-codes";
import type { SubmitOrderCommand } from "./commands";
import type { LiveExecution } from "./live/live-execution";
import type { LivePublisher } from "./live-publisher";
import type { AccountingAfterFill, OrderJournal } from "./persistence/order-journal";
import { recordRiskEvent } from "./persistence/risk-store";
import type { RiskState } from "./risk-state";
import type { SerialQueue } from "./serial-queue";

/** A venue whose resting orders can be handed back after a restart (the paper venue keeps them in memory). */
export type RestorableBroker = Broker & { restore(openOrders: readonly Order[]): void };

/** The live venues orders go to, by symbol; symbols without one trade on the paper venue. */
export interface LiveRoute {
  venue: string;
  /** Why orders cannot go to the venue now (not connected, books not reconciled), or null. */
  blocked(): RiskRejection | null;
  /** Sends a persisted NEW order; resolves with it as the venue's answer left it (UNKNOWN when there was none). */
  send(order: Order): Promise<Order>;
}

export interface LiveRoutes {
  forSymbol(symbol: string): LiveRoute | null;
  forOrder(orderId: string): LiveExecution | null;
  openOrders(): Order[];
}

export interface OrderRouterDeps {
  accountId: string;
  instruments: ReadonlyMap<string, Instrument>;
  broker: RestorableBroker;
  portfolio: Portfolio;
  risk: RiskState;
  gate: PreTradeGate;
  journal: OrderJournal;
  db: Database;
  queue: SerialQueue;
  publisher: LivePublisher;
  /** Latest trade price, or null when missing or stale (the gate then fails closed). */
  referencePrice: (symbol: string) => number | null;
  /** Until when (ms) a protection pauses new entries on a symbol; absent = never paused. */
  pausedUntil?: (symbol: string) => number | null;
  live?: LiveRoutes;
  log: Logger;
  now: () => number;
}

type PersistStep = { event: BrokerEvent; after?: AccountingAfterFill };

/** The trading path: intent -> pre-trade gate -> persisted NEW order -> venue -> events -> fills applied once. */
export class OrderRouter {
  /** Orders the gate approved, for the duplicate and order-rate checks. */
  private readonly recentOrders = new OrderWindow();
  private readonly rejections = new Map<RiskReasonCode, number>();

  constructor(private readonly deps: OrderRouterDeps) {}

  /** Orders refused by the pre-trade gate since start, per reason code (every code present, 0 when never seen). */
  rejectionCounts(): Record<RiskReasonCode, number> {
    return Object.fromEntries(RISK_REASON_CODES.map((code) => [code, this.rejections.get(code) ?? 0])) as Record<RiskReasonCode, number>;
  }

  async submit(command: SubmitOrderCommand): Promise<Order> {
    const { deps } = this;
    const { venue: requestedVenue, ...fields } = command;
    const intent: OrderIntent = { ...fields, accountId: deps.accountId, strategyId: `${command.source}:${command.actor}` };
    // A retry of a known client order id gets the first order back, whatever the risk state is now.
    const known = await deps.journal.byClientOrderId(deps.accountId, intent.clientOrderId);
    if (known) return known;
    const route = deps.live?.forSymbol(intent.symbol) ?? null;
    const venue = route?.venue ?? deps.broker.venue;
    // One venue per symbol keeps its position comparable with that venue's: an order naming another is refused.
    if (requestedVenue !== undefined && requestedVenue !== venue) {
      throw new BusRemoteError("VENUE_MISMATCH", `${intent.symbol}'s orders go to ${venue} in this configuration, not ${requestedVenue} (set SYMBOL_VENUES, or MT5_SYMBOLS / BYBIT_SYMBOLS, to route it)`);
    }
    const blocked = route?.blocked() ?? null;
    if (blocked) this.refuse(intent, blocked);
    const decision = deps.gate(this.preTradeContext(intent.symbol), intent);
    if (!decision.approved) this.refuse(intent, decision.rejection);
    const now = deps.now();
    // Recorded before the first await, so concurrent submits of the same order cannot both pass the gate.
    this.recentOrders.record(intent, now);
    const order: Order = {
      id: randomUUID(), clientOrderId: intent.clientOrderId, accountId: deps.accountId, symbol: intent.symbol, side: intent.side,
      type: intent.type, quantity: dec(intent.quantity).toFixed(), price: intent.price === undefined ? undefined : dec(intent.price).toFixed(),
      timeInForce: intent.timeInForce, source: intent.source, status: "NEW", filledQuantity: "0", averageFillPrice: null,
      rejectReason: null, venue, createdAt: now, updatedAt: now,
    };
    const stored = await deps.queue.push(() => deps.journal.insertNew(order));
    if (!stored.inserted) return stored.existing;
    countOrderStatus(order.status);
    void appendAudit(deps.db, { actor: command.actor, action: "order.submit", target: order.id, details: { clientOrderId: order.clientOrderId, symbol: order.symbol, side: order.side, type: order.type, quantity: order.quantity, price: order.price ?? null, source: order.source } })
      .catch((error: unknown) => deps.log.error({ err: error }, "audit append failed"));
    deps.publisher.order(order);
    failpoint("order.persisted");
    if (route) return route.send(order);
    const final = await this.handle(deps.broker.submit(order));
    return final.get(order.id) ?? order;
  }

  private refuse(intent: OrderIntent, { code, message }: RiskRejection): never {
    const { deps } = this;
    this.rejections.set(code, (this.rejections.get(code) ?? 0) + 1);
    countRejection(code);
    void recordRiskEvent(deps.db, { accountId: deps.accountId, code, message, detail: { clientOrderId: intent.clientOrderId, symbol: intent.symbol, source: intent.source } })
      .catch((error: unknown) => deps.log.error({ err: error }, "failed to record risk event"));
    throw new BusRemoteError(code, message);
  }

  /** Open orders at every venue. */
  openOrders(): Order[] {
    const live = this.deps.live?.openOrders() ?? [];
    return live.length === 0 ? this.deps.broker.openOrders() : [...this.deps.broker.openOrders(), ...live];
  }

  /**
   * The largest part of `quantity` the size limits let through now (clipToLimits on the gate's own context), so a
   * strategy's order is sized within the limits instead of refused by them. Without a reference price it is left
   * as it is: the gate refuses it (fail closed).
   */
  clipQuantity(symbol: string, side: OrderSide, quantity: Decimal): Decimal {
    const reference = this.deps.referencePrice(symbol);
    return reference === null ? quantity : clipToLimits(this.preTradeContext(symbol), side, quantity, dec(reference));
  }

  /** With `amending`, the context of that order's amend: its old value is not counted among the open orders. */
  private preTradeContext(symbol: string, amending?: Order): PreTradeContext {
    const { deps } = this;
    const { portfolio } = deps;
    const open = amending === undefined ? this.openOrders() : this.openOrders().filter((o) => o.id !== amending.id);
    return {
      instrument: deps.instruments.get(symbol),
      referencePrice: deps.referencePrice(symbol),
      positionQuantity: portfolio.positionQuantity(symbol),
      equity: portfolio.equity(),
      limits: deps.risk.limits,
      state: deps.risk.current(),
      now: deps.now(),
      cash: portfolio.cash(),
      openOrders: openOrdersValue(open, deps.referencePrice),
      otherSymbolsExposure: grossExposureExcept(deps.instruments.keys(), symbol, (s) => {
        const position = portfolio.position(s);
        return position === undefined ? null : marketValue(position, portfolio.markPrice(s));
      }),
      recentOrders: this.recentOrders,
      pausedUntil: deps.pausedUntil,
      amending: amending !== undefined,
    };
  }

  /**
   * Changes an open LIMIT or STOP order's quantity and/or price. The amended order passes the pre-trade gate first
   * (a larger size or a new price is new risk), judged on what will remain to fill at the new price.
   */
  async amend(orderId: string, change: OrderChange, actor: string): Promise<Order> {
    const { deps } = this;
    const live = deps.live?.forOrder(orderId) ?? null;
    const before = live ? live.order(orderId) : deps.broker.openOrders().find((o) => o.id === orderId);
    if (!before) return this.refuseClosed(orderId);
    const instrument = deps.instruments.get(before.symbol);
    const refusal = instrument === undefined ? null : amendRefusal(before, change, instrument);
    if (refusal) throw new BusRemoteError(refusal.reason, `Order ${orderId} cannot be amended: ${refusal.message}`);
    const intent: OrderIntent = { ...before, quantity: remainingAfter(before, change), price: change.price ?? before.price };
    const blocked = live ? (deps.live?.forSymbol(before.symbol)?.blocked() ?? null) : null;
    if (blocked) this.refuse(intent, blocked);
    const decision = deps.gate(this.preTradeContext(before.symbol, before), intent);
    if (!decision.approved) this.refuse(intent, decision.rejection);
    const after = live ? await live.amend(orderId, change) : await this.amendOnPaper(orderId, change);
    const terms = (o: Order) => ({ quantity: o.quantity, price: o.price ?? null });
    void appendAudit(deps.db, { actor, action: "order.amend", target: orderId, details: { venue: before.venue, before: terms(before), after: terms(after) } })
      .catch((error: unknown) => deps.log.error({ err: error }, "audit append failed"));
    return after;
  }

  private async amendOnPaper(orderId: string, change: OrderChange): Promise<Order> {
    const result = this.deps.broker.amend(orderId, change);
    if (!result.ok) throw new BusRemoteError(result.reason, `Order ${orderId} cannot be amended: ${result.message}`);
    const final = await this.handle(result.events);
    return final.get(orderId)!;
  }

  /** Says why an order that is not open at any venue cannot be amended: unknown, a MARKET order, or already closed. */
  private async refuseClosed(orderId: string): Promise<never> {
    const order = await this.deps.journal.byId(this.deps.accountId, orderId);
    if (!order) throw new BusRemoteError("NOT_FOUND", `Order ${orderId} not found`);
    const { reason, message } = notAmendable(order) ?? { reason: "ORDER_NOT_OPEN", message: "the order is not open at any venue" };
    throw new BusRemoteError(reason, `Order ${orderId} cannot be amended: ${message}`);
  }

  async cancel(orderId: string, actor: string): Promise<Order> {
    const live = this.deps.live?.forOrder(orderId);
    if (live) {
      void appendAudit(this.deps.db, { actor, action: "order.cancel", target: orderId, details: { venue: live.venueName } }).catch(() => undefined);
      const canceled = await live.cancel(orderId).catch((error: unknown) => {
        throw new BusRemoteError("CANCEL_FAILED", `${live.venueName} did not cancel order ${orderId}: ${error instanceof Error ? error.message : String(error)}`);
      });
      if (canceled) return canceled;
    }
    const result = this.deps.broker.cancel(orderId);
    if (!result.ok) throw new BusRemoteError(result.reason, `Order ${orderId} cannot be canceled (${result.reason})`);
    void appendAudit(this.deps.db, { actor, action: "order.cancel", target: orderId }).catch(() => undefined);
    const final = await this.handle(result.events);
    return final.get(orderId)!;
  }

  async cancelAll(actor: string): Promise<number> {
    const open = this.openOrders();
    for (const order of open) {
      await this.cancel(order.id, actor).catch((error: unknown) => this.deps.log.error({ err: error, orderId: order.id }, "cancel failed"));
    }
    return open.length;
  }

  /**
   * Applies fills to the portfolio at once (marks and risk need them now), then persists every event in order.
   * Resolves with the last state of each order once it is durable.
   */
  handle(events: readonly BrokerEvent[]): Promise<Map<string, Order>> {
    const steps: PersistStep[] = [];
    for (const event of events) {
      if (event.type !== "fill") {
        steps.push({ event });
        continue;
      }
      this.deps.portfolio.applyFill(event.fill, event.amounts);
      steps.push({ event, after: this.accountingAfter(event.fill.symbol) });
    }
    return this.deps.queue.push(() => this.persist(steps));
  }

  private async persist(steps: PersistStep[]): Promise<Map<string, Order>> {
    const latest = new Map<string, Order>();
    for (const { event, after } of steps) {
      if (event.type === "fill") {
        const applied = await this.deps.journal.recordFill(event.order, event.fill, after!);
        if (applied) this.deps.publisher.fill(event.fill);
        if (applied) countFill(event.fill.symbol);
        // A partial fill leaves the order PARTIALLY_FILLED again and again: only its final FILLED is counted.
        if (applied && event.order.status === "FILLED") countOrderStatus("FILLED");
      } else {
        const detail = "reason" in event ? { reason: event.reason } : event.type === "amended" ? { quantity: event.order.quantity, price: event.order.price ?? null } : undefined;
        await this.deps.journal.recordStatus(event.order, event.type.toUpperCase(), detail);
        countOrderStatus(event.order.status);
      }
      latest.set(event.order.id, event.order);
      this.deps.publisher.order(event.order);
    }
    return latest;
  }

  private accountingAfter(symbol: string): AccountingAfterFill {
    const position = this.deps.portfolio.position(symbol)!;
    return {
      position: { symbol, quantity: position.quantity.toFixed(), costBasis: position.costBasis.toFixed(), realizedPnl: position.realizedPnl.toFixed() },
      account: { cash: this.deps.portfolio.cash().toFixed(), fees: this.deps.portfolio.fees().toFixed() },
    };
  }

  /**
   * After a restart: resting limit and stop orders go back to the paper venue. Every other open order (never
   * acknowledged, outcome unknown, or a market order whose fill was not recorded) is canceled: an in-process venue
   * that restarted holds no record of it, so nothing of it can have executed.
   */
  async restore(allOpen: Order[]): Promise<void> {
    const open = allOpen.filter((o) => o.venue === this.deps.broker.venue);
    const isResting = (o: Order) => (o.status === "ACCEPTED" || o.status === "PARTIALLY_FILLED") && o.type !== "MARKET";
    this.deps.broker.restore(open.filter(isResting));
    for (const order of open.filter((o) => !isResting(o))) {
      const status = order.status === "UNKNOWN" ? transition("UNKNOWN", { type: "RESOLVE", to: "CANCELED" }) : transition(order.status, { type: "CANCEL" });
      const canceled: Order = { ...order, status, updatedAt: this.deps.now() };
      await this.deps.queue.push(() => this.deps.journal.recordStatus(canceled, "CANCELED", { reason: "not at the venue after an engine restart" }));
    }
  }
}
