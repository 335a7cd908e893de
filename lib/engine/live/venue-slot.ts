import { randomUUID } from "node:crypto";
import type { Decimal } from "decimal.js";
import type { Logger } from "pino";
import type { Config, LiveVenueName } from "@/lib/config";
import { appendAudit } from "@/lib/db/audit";
import type { Database } from "@/lib/db/client";
import type { Instrument } from "@/lib/domain/instrument";
import type { Order } from "@/lib/domain/order";
import type { BrokerEvent } from "@/lib/execution/broker";
import type { LiveVenue, VenueConnectionStatus, VenueOrder, VenuePosition } from "@/lib/execution/live-venue";
import type { Portfolio } from "@/lib/portfolio/portfolio";
import { rejection, type RiskRejection } from "@/lib/risk/reason-codes";
import type { Mt5Bridge } from "@/lib/venues/mt5/mt5-bridge";
import type { LiveRoute } from "../order-router";
import type { OrderJournal } from "../persistence/order-journal";
import type { VenueKeys } from "../persistence/venue-keys";
import type { SerialQueue } from "../serial-queue";
import { LiveExecution } from "./live-execution";
import type { MismatchAction, ReconciliationState } from "./mismatch";
import { Reconciler } from "./reconciler";
import { adjustmentEvents, adjustmentOrder, adoptedOrder } from "./venue-adoption";

export interface LiveVenuesOptions {
  config: Config;
  db: Database;
  accountId: string;
  /** Every symbol the engine trades; those routed to a live venue (orderVenue) go there. */
  symbols: readonly string[];
  portfolio: Portfolio;
  journal: OrderJournal;
  queue: SerialQueue;
  /** Applies events to the portfolio and persists them (risk monitor + the router's handle). */
  emit(events: readonly BrokerEvent[]): Promise<unknown>;
  /** Status or reconciliation changed: push it to the dashboard. */
  changed(): void;
  log: Logger;
  /** The one client of the MetaTrader EA (shared with the MT5 price feed), when MT5 is configured. */
  mt5Bridge?: Mt5Bridge | null;
}

/** How a slot reaches its venue: the connected venue (and the keys it uses), or why it cannot. */
export type VenueConnector = () => Promise<{ venue: LiveVenue; keys: LiveVenueView["keys"] } | { missing: string }>;

export interface VenueSlotOptions extends LiveVenuesOptions {
  name: LiveVenueName;
  /** For people: "Bybit", "MetaTrader 5". */
  label: string;
  /** The symbols whose orders go to this venue. */
  routed: readonly string[];
  connect: VenueConnector;
}

/** What the status page and the reconciliation panel show of one live venue. */
export interface LiveVenueView {
  venue: string;
  label: string;
  symbols: string[];
  keys: { source: VenueKeys["source"]; hint: string } | null;
  connection: VenueConnectionStatus;
  reconciliation: ReconciliationState;
}

// A private stream down longer than this hides fills from the risk checks, so new orders wait for it; a shorter
// blip does not (a submit then is settled by lookup, and the reconnect catches up on executions).
const STREAM_DOWN_BLOCK_MS = 5_000;
// An order the last run persisted but never sent goes out after a restart only while it is this fresh: a market
// order sent minutes late would trade on a market its sender never saw.
const RESEND_MAX_AGE_MS = 60_000;
// How far back executions are caught up on a first start with no fills recorded at the venue.
const FIRST_CATCH_UP_MS = 24 * 3_600_000;

/** One live venue of a live-mode engine: its route, recovery after a restart, and reconciliation. */
export class VenueSlot {
  private execution: LiveExecution | null = null;
  private reconciler: Reconciler | null = null;
  private venue: LiveVenue | null = null;
  private keys: LiveVenueView["keys"] = null;
  private connection: VenueConnectionStatus;
  private readonly symbols: string[];

  constructor(private readonly options: VenueSlotOptions) {
    this.symbols = [...options.routed];
    this.connection = { venue: options.name, state: "disconnected", detail: "not started", lastMessageAt: null, since: Date.now() };
  }

  get name(): LiveVenueName {
    return this.options.name;
  }

  routes(symbol: string): boolean {
    return this.symbols.includes(symbol);
  }

  /** The venue's own tick and lot sizes for its symbols (empty until started with keys). */
  async instruments(): Promise<Instrument[]> {
    return this.venue ? this.venue.instruments(this.symbols) : [];
  }

  /** Connects (when it can: keys may be missing), recovers the orders left open and reconciles. */
  async start(openOrders: readonly Order[]): Promise<void> {
    const { options } = this;
    const connected = await options.connect();
    if ("missing" in connected) {
      this.connection = { ...this.connection, state: "unauthenticated", detail: connected.missing, since: Date.now() };
      options.log.warn({ venue: options.name, symbols: this.symbols, why: connected.missing }, "live venue not connected: orders for its symbols are refused");
      return;
    }
    const { venue } = connected;
    this.keys = connected.keys;
    const execution = new LiveExecution({
      venue, emit: options.emit, log: options.log, now: Date.now,
      foreignActivity: (what) => {
        options.log.warn({ what }, "venue activity the platform did not cause; reconciling");
        void this.reconciler?.run();
      },
    });
    const lastFills = await options.journal.venueFills(options.accountId, venue.name, Date.now() - FIRST_CATCH_UP_MS);
    execution.knownFills(lastFills.map((f) => f.id));
    this.venue = venue;
    this.execution = execution;
    this.reconciler = new Reconciler({
      venue, execution, symbols: this.symbols, log: options.log, now: Date.now,
      positionQuantity: (symbol) => options.portfolio.positionQuantity(symbol),
      adoptOrder: (record, actor) => this.adoptOrder(record, actor),
      adjustPosition: (symbol, delta, theirs, actor) => this.adjustPosition(symbol, delta, theirs, actor),
      changed: () => options.changed(),
    }, lastFills[0]?.ts ?? Date.now() - FIRST_CATCH_UP_MS);
    await venue.start({
      update: (update) => (update.kind === "order" ? execution.onOrderUpdate(update.order) : void execution.onExecution(update.execution)),
      reconnected: () => void this.reconciler?.run(),
      status: (status) => {
        const wasConnected = this.connection.state === "connected";
        this.connection = status;
        // Every (re)connect of the private stream, the first included: what it missed is caught up and compared.
        if (status.state === "connected" && !wasConnected) void this.reconciler?.run();
        options.changed();
      },
    });
    this.connection = venue.status();
    await this.recover(openOrders.filter((o) => o.venue === venue.name));
    await this.reconciler.run();
  }

  /**
   * Orders left open by the last run: a NEW one may or may not have been sent, so it is looked up by its client order
   * id and sent (under that same id) only when the venue has no record of it; UNKNOWN ones are resolved by lookup.
   */
  private async recover(open: readonly Order[]): Promise<void> {
    const { venue, execution } = this;
    if (!venue || !execution) return;
    for (const order of open) {
      execution.track(order);
      if (order.status === "UNKNOWN") execution.resolveUnknown(order.id);
      if (order.status !== "NEW") continue;
      const record = await venue.lookup(order.symbol, order.clientOrderId);
      if (record) await execution.sync(order.id, record);
      else if (Date.now() - order.createdAt <= RESEND_MAX_AGE_MS) await execution.send(order);
      else await execution.dropMissing(order.id, `never sent before the engine stopped, and older than ${RESEND_MAX_AGE_MS / 1000} s: not sent now`);
      this.options.log.warn({ orderId: order.id, clientOrderId: order.clientOrderId, found: record !== null }, "order left NEW by the last run recovered");
    }
  }

  /**
   * An admin stored keys: a venue that had none connects now. Changing the keys of a connected venue takes a restart
   * of the engine, so orders in flight are never split between two sessions.
   */
  async reloadKeys(openOrders: () => Promise<Order[]>): Promise<void> {
    if (!this.execution) await this.start(await openOrders());
  }

  route(): LiveRoute {
    return { venue: this.options.name, blocked: () => this.blocked(), send: (order) => this.send(order) };
  }

  private send(order: Order): Promise<Order> {
    if (!this.execution) throw new Error(`${this.options.label} is not connected`);
    return this.execution.send(order);
  }

  private blocked(): RiskRejection | null {
    const { label } = this.options;
    if (!this.execution || !this.reconciler) return rejection("VENUE_UNAVAILABLE", `${label}: ${this.connection.detail ?? this.connection.state}`);
    const { state, since, detail } = this.connection;
    const streamLost = state !== "connected" && Date.now() - since > STREAM_DOWN_BLOCK_MS;
    if (state === "banned" || state === "unauthenticated" || streamLost) return rejection("VENUE_UNAVAILABLE", `${label}: ${detail ?? state}`);
    return this.reconciler.blocked();
  }

  forOrder(orderId: string): LiveExecution | null {
    return this.execution?.has(orderId) ? this.execution : null;
  }

  openOrders(): Order[] {
    return this.execution?.openOrders() ?? [];
  }

  view(): LiveVenueView {
    const { name, label } = this.options;
    const reconciliation = this.reconciler?.current() ?? { venue: name, phase: "pending" as const, checkedAt: null, mismatches: [], error: this.connection.detail };
    return { venue: name, label, symbols: this.symbols, keys: this.keys, connection: this.connection, reconciliation };
  }

  async reconcile(): Promise<ReconciliationState> {
    if (!this.reconciler) throw new Error(`${this.options.label} is not connected (${this.connection.detail ?? this.connection.state})`);
    return this.reconciler.run();
  }

  async resolve(mismatchId: string, action: MismatchAction, actor: string): Promise<ReconciliationState> {
    if (!this.reconciler) throw new Error(`${this.options.label} is not connected (${this.connection.detail ?? this.connection.state})`);
    await appendAudit(this.options.db, { actor, action: "venue.reconcile", target: mismatchId, details: { venue: this.options.name, action } });
    return this.reconciler.resolve(mismatchId, action, actor);
  }

  private async adoptOrder(record: VenueOrder, actor: string): Promise<void> {
    const { options } = this;
    const order = adoptedOrder(record, options.accountId, options.name, Date.now());
    const stored = await options.queue.push(() => options.journal.insertNew(order));
    const tracked = stored.inserted ? order : stored.existing;
    this.execution?.track(tracked, record.venueOrderId);
    await appendAudit(options.db, { actor, action: "venue.adopt-order", target: tracked.id, details: { venue: options.name, venueOrderId: record.venueOrderId, symbol: record.symbol } });
  }

  private async adjustPosition(symbol: string, delta: Decimal, theirs: VenuePosition | undefined, actor: string): Promise<void> {
    const { options } = this;
    const price = theirs?.averagePrice ?? options.portfolio.markPrice(symbol)?.toFixed() ?? null;
    if (price === null) throw new Error(`No price to book the ${symbol} adjustment at (no venue average price, no market price)`);
    const order = adjustmentOrder({ accountId: options.accountId, symbol, delta, venue: options.name, id: randomUUID(), now: Date.now() });
    await options.queue.push(() => options.journal.insertNew(order));
    await options.emit(adjustmentEvents(order, price, options.name));
    await appendAudit(options.db, { actor, action: "venue.adopt-position", target: order.id, details: { venue: options.name, symbol, delta: delta.toFixed(), price } });
  }

  async stop(): Promise<void> {
    await this.execution?.stop();
    await this.venue?.stop();
  }
}
