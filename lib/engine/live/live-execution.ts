import type { Logger } from "pino";
import { BusRemoteError } from "@/lib/bus/bus";
import type { Order } from "@/lib/domain/order";
import { dec } from "@/lib/domain/money";
import { isTerminal } from "@/lib/domain/order-state-machine";
import type { OrderChange } from "@/lib/execution/amend/order-change";
import type { BrokerEvent } from "@/lib/execution/broker";
import { VenueOutcomeUnknown, VenueRejected, type LiveVenue, type VenueExecution, type VenueOrder } from "@/lib/execution/live-venue";
import { SeenIds } from "@/lib/runtime/seen-ids";
import { activated, canceled, executionFill, outcomeUnknown, refused, venueFillId } from "./venue-events";

export interface LiveExecutionDeps {
  venue: LiveVenue;
  /** Applies the events to the portfolio and persists them (the router's handle); resolves once durable. */
  emit(events: readonly BrokerEvent[]): Promise<unknown>;
  /** Something happened at the venue that is not one of our open orders: reconcile. */
  foreignActivity(what: string): void;
  log: Logger;
  now: () => number;
}

// An UNKNOWN order is looked up this often until the venue's record (or the grace period) settles it.
const RESOLVE_RETRY_MS = 1_000;
const SEEN_FILLS = 200_000;
// A submit answers its caller after at most this long (under the bus's 5 s), whatever the venue is doing.
const SEND_WAIT_MS = 3_000;
// How long the stream's own execution messages may trail its order news before they are fetched by REST.
const STREAM_EXECUTIONS_WAIT_MS = 1_000;

/**
 * Our open orders at one live venue, kept in step with it: submits, cancels, the private stream's order updates and
 * executions, and the lookups that settle UNKNOWN orders. Network calls run outside the lock; every change of an
 * order runs inside it, so the stream and a reply never apply the same change twice.
 */
export class LiveExecution {
  private readonly open = new Map<string, Order>();
  private readonly idByClientId = new Map<string, string>();
  private readonly idByVenueId = new Map<string, string>();
  private readonly venueIdOf = new Map<string, string>();
  /** Orders a caller waits on (send, cancel), with their last state once they leave `open`. */
  private readonly awaited = new Map<string, Order | null>();
  private readonly sentAt = new Map<string, number>();
  // Far more fills than a catch-up window or a restart's reload can bring back, so a repeat is always recognised.
  private readonly appliedFills = new SeenIds(SEEN_FILLS);
  /** Executions of orders that are not ours, reported once each. */
  private readonly foreignFills = new SeenIds(SEEN_FILLS);
  private readonly resolving = new Set<string>();
  private lock: Promise<unknown> = Promise.resolve();
  private stopped = false;

  constructor(private readonly deps: LiveExecutionDeps) {}

  get venueName(): string {
    return this.deps.venue.name;
  }

  openOrders(): Order[] {
    return [...this.open.values()];
  }

  has(orderId: string): boolean {
    return this.open.has(orderId);
  }

  /** One of our open orders at this venue, by our id. */
  order(orderId: string): Order | undefined {
    return this.open.get(orderId);
  }

  /** One of our open orders, by our client order id or else by the venue's order id. */
  find(clientOrderId: string | null, venueOrderId: string): Order | undefined {
    const id = this.idFor(clientOrderId, venueOrderId);
    return id === undefined ? undefined : this.open.get(id);
  }

  /** The venue has no record of this order and never will: it is over (rejected if never acknowledged, else canceled). */
  dropMissing(orderId: string, reason = "not at the venue"): Promise<void> {
    return this.apply(orderId, (o) => (o.status === "NEW" || o.status === "UNKNOWN" ? refused(o, reason, this.deps.now()) : canceled(o, this.deps.now())));
  }

  /** Fill ids already recorded (after a restart), so an execution seen again is not applied twice. */
  knownFills(fillIds: Iterable<string>): void {
    for (const id of fillIds) this.appliedFills.add(id);
  }

  track(order: Order, venueOrderId?: string): void {
    this.open.set(order.id, order);
    this.idByClientId.set(order.clientOrderId, order.id);
    if (venueOrderId) this.linkVenueId(order.id, venueOrderId);
  }

  private linkVenueId(orderId: string, venueOrderId: string): void {
    this.idByVenueId.set(venueOrderId, orderId);
    this.venueIdOf.set(orderId, venueOrderId);
  }

  /**
   * Sends a persisted NEW order; resolves with the order as the venue's answer left it (UNKNOWN without one), or as
   * it stands after SEND_WAIT_MS when the venue is slower (a terminal busy for seconds): the send goes on, and the
   * order's later states reach the dashboard as they happen.
   */
  async send(order: Order): Promise<Order> {
    this.track(order);
    this.sentAt.set(order.id, this.deps.now());
    this.awaited.set(order.id, null);
    const sent = this.deps.venue.submit(order)
      .then((record) => this.sync(order.id, record))
      .catch((error: unknown) => this.submitFailed(order, error))
      .catch((error: unknown) => this.deps.log.error({ err: error, orderId: order.id }, "submit handling failed"));
    let timer: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([sent, new Promise((resolve) => (timer = setTimeout(resolve, SEND_WAIT_MS)))]);
    clearTimeout(timer);
    return this.latest(order);
  }

  private async submitFailed(order: Order, error: unknown): Promise<void> {
    if (error instanceof VenueRejected) {
      // A resend after a restart may meet its own first copy (a duplicate client order id): the venue's record wins.
      const existing = await this.deps.venue.lookup(order.symbol, order.clientOrderId).catch(() => null);
      if (existing) return this.sync(order.id, existing);
      await this.apply(order.id, (o) => refused(o, `${error.code}: ${error.message}`, this.deps.now()));
      return;
    }
    const reason = error instanceof VenueOutcomeUnknown ? error.message : `submit failed: ${error instanceof Error ? error.message : String(error)}`;
    this.deps.log.warn({ orderId: order.id, clientOrderId: order.clientOrderId, reason }, "submit outcome unknown; resolving by client order id");
    await this.apply(order.id, (o) => outcomeUnknown(o, reason, this.deps.now()));
    this.resolveUnknown(order.id);
  }

  /** Cancels at the venue; null when the order is not one of this venue's open orders. */
  async cancel(orderId: string): Promise<Order | null> {
    const order = this.open.get(orderId);
    if (!order) return null;
    this.awaited.set(orderId, null);
    try {
      await this.sync(orderId, await this.deps.venue.cancel(order, this.venueIdOf.get(orderId)));
    } catch (error) {
      const record = await this.deps.venue.lookup(order.symbol, order.clientOrderId).catch(() => null);
      if (record) await this.sync(orderId, record);
      if (this.open.has(orderId)) {
        this.awaited.delete(orderId);
        throw error;
      }
    }
    return this.latest(order);
  }

  /**
   * Amends at the venue, then takes the venue's record of the order's quantity and price. The venue's refusal throws
   * with its reason; a lost answer is settled by looking the order up. Throws unless the order now has the new terms.
   */
  async amend(orderId: string, change: OrderChange): Promise<Order> {
    const order = this.open.get(orderId);
    if (!order) throw new BusRemoteError("ORDER_NOT_OPEN", `Order ${orderId} is not open at ${this.venueName}`);
    this.awaited.set(orderId, null);
    try {
      const record = await this.deps.venue.amend(order, change).catch((error: unknown) => this.recordAfterFailedAmend(order, error));
      await this.apply(orderId, (o) => amendedTo(o, record, this.deps.now()));
      await this.sync(orderId, record);
    } catch (error) {
      this.awaited.delete(orderId);
      throw error;
    }
    const after = this.latest(order);
    if (!hasTerms(after, change)) throw new BusRemoteError("AMEND_NOT_APPLIED", `${this.venueName} did not amend order ${orderId}: it has quantity ${after.quantity}, price ${after.price ?? "none"}`);
    return after;
  }

  private async recordAfterFailedAmend(order: Order, error: unknown): Promise<VenueOrder> {
    if (error instanceof VenueRejected) throw new BusRemoteError("AMEND_REJECTED", `${this.venueName} refused the amend (${error.code}: ${error.message})`);
    const reason = error instanceof Error ? error.message : String(error);
    this.deps.log.warn({ orderId: order.id, reason }, "amend outcome unknown; looking the order up");
    const record = await this.deps.venue.lookup(order.symbol, order.clientOrderId).catch(() => null);
    if (record) return record;
    throw new BusRemoteError("AMEND_OUTCOME_UNKNOWN", `Whether ${this.venueName} amended order ${order.id} is unknown (${reason}); the next reconciliation will tell`);
  }

  /**
   * Brings our order up to the venue's record: accepted, filled (from its executions, fetched when the record is
   * ahead of us and `catchUp` allows), canceled or rejected.
   */
  async sync(orderId: string, record: VenueOrder, catchUp = true): Promise<void> {
    this.linkVenueId(orderId, record.venueOrderId);
    if (record.status === "REJECTED") {
      await this.apply(orderId, (o) => refused(o, record.rejectReason ?? "rejected by the venue", this.deps.now()));
      return;
    }
    await this.apply(orderId, (o) => activated(o, this.deps.now()));
    const ours = this.open.get(orderId);
    if (catchUp && ours && dec(record.filledQuantity).gt(ours.filledQuantity)) await this.catchUp(ours.createdAt - 60_000);
    if (record.status === "CANCELED") {
      const now = this.open.get(orderId);
      if (now && dec(now.filledQuantity).gte(record.filledQuantity)) await this.apply(orderId, (o) => canceled(o, this.deps.now()));
    }
  }

  /**
   * The private stream's order news. Its executions come as their own messages, usually right after; only if they
   * have not arrived a moment later is the order looked up and its executions fetched.
   */
  onOrderUpdate(record: VenueOrder): void {
    const id = this.idFor(record.clientOrderId, record.venueOrderId);
    if (id !== undefined) {
      void this.sync(id, record, false).then(() => this.settleLater(id, record)).catch((error: unknown) => this.deps.log.error({ err: error }, "order update failed"));
    } else if (record.status === "ACCEPTED" || record.status === "PARTIALLY_FILLED") this.deps.foreignActivity(`order ${record.venueOrderId} on ${record.symbol} placed outside the platform`);
  }

  private settleLater(orderId: string, record: VenueOrder): void {
    const behind = () => {
      const ours = this.open.get(orderId);
      return ours !== undefined && (dec(record.filledQuantity).gt(ours.filledQuantity) || record.status === "CANCELED");
    };
    if (!behind()) return;
    setTimeout(() => {
      if (!behind() || this.stopped) return;
      const ours = this.open.get(orderId)!;
      void this.deps.venue.lookup(ours.symbol, ours.clientOrderId)
        .then((latest) => (latest ? this.sync(orderId, latest) : undefined))
        .catch((error: unknown) => this.deps.log.warn({ err: error, orderId }, "settling an order from the stream failed"));
    }, STREAM_EXECUTIONS_WAIT_MS).unref();
  }

  onExecution(execution: VenueExecution): Promise<void> {
    return this.applyExecution(execution);
  }

  /** Executions since `since` (ms), each applied once: what the stream missed while it was down or the engine was. */
  async catchUp(since: number): Promise<void> {
    for (const execution of await this.deps.venue.executions(since)) await this.applyExecution(execution);
  }

  private applyExecution(execution: VenueExecution): Promise<void> {
    const fillId = venueFillId(this.deps.venue.name, execution.execId);
    if (this.appliedFills.has(fillId)) return Promise.resolve();
    const id = this.idFor(execution.clientOrderId, execution.venueOrderId);
    if (id === undefined) {
      if (!this.foreignFills.add(fillId)) return Promise.resolve();
      this.deps.foreignActivity(`execution ${execution.execId} of ${execution.symbol} for an order the platform does not track`);
      return Promise.resolve();
    }
    return this.apply(id, (o) => {
      if (this.appliedFills.has(fillId)) return null;
      this.appliedFills.add(fillId);
      const live = activated(o, this.deps.now());
      const fill = executionFill(live?.order ?? o, execution, this.deps.venue.name);
      return [live, fill];
    });
  }

  /** Looks the order up by its client order id until the venue's record, or the venue's grace period, settles it. */
  resolveUnknown(orderId: string): void {
    if (this.resolving.has(orderId)) return;
    this.resolving.add(orderId);
    const attempt = async (): Promise<void> => {
      const order = this.open.get(orderId);
      if (!order || order.status !== "UNKNOWN" || this.stopped) return void this.resolving.delete(orderId);
      try {
        const record = await this.deps.venue.lookup(order.symbol, order.clientOrderId);
        if (record) await this.sync(orderId, record);
        else if (this.deps.now() - (this.sentAt.get(orderId) ?? order.updatedAt) > this.deps.venue.unknownGraceMs) {
          await this.apply(orderId, (o) => refused(o, "never reached the venue (not found after its receive window)", this.deps.now()));
        }
      } catch (error) {
        this.deps.log.warn({ err: error, orderId }, "lookup of an UNKNOWN order failed; retrying");
      }
      if (this.open.get(orderId)?.status === "UNKNOWN" && !this.stopped) setTimeout(() => void attempt(), RESOLVE_RETRY_MS).unref();
      else this.resolving.delete(orderId);
    };
    void attempt();
  }

  /** Runs one change under the lock: builds the events from the order as it is now, emits them, keeps the result. */
  private apply(orderId: string, build: (order: Order) => BrokerEvent | null | Array<BrokerEvent | null>): Promise<void> {
    const run = async () => {
      const order = this.open.get(orderId);
      if (!order) return;
      const built = build(order);
      const events = (Array.isArray(built) ? built : [built]).filter((e): e is BrokerEvent => e !== null);
      if (events.length === 0) return;
      const after = events[events.length - 1]!.order;
      if (isTerminal(after.status)) this.forget(after);
      else this.open.set(orderId, after);
      if (this.awaited.has(orderId)) this.awaited.set(orderId, after);
      await this.deps.emit(events);
    };
    const next = this.lock.then(run);
    this.lock = next.catch(() => undefined);
    return next;
  }

  private latest(order: Order): Order {
    const last = this.open.get(order.id) ?? this.awaited.get(order.id) ?? order;
    this.awaited.delete(order.id);
    return last;
  }

  private forget(order: Order): void {
    this.open.delete(order.id);
    this.idByClientId.delete(order.clientOrderId);
    this.sentAt.delete(order.id);
    const venueOrderId = this.venueIdOf.get(order.id);
    if (venueOrderId !== undefined) this.idByVenueId.delete(venueOrderId);
    this.venueIdOf.delete(order.id);
  }

  private idFor(clientOrderId: string | null, venueOrderId: string): string | undefined {
    return (clientOrderId ? this.idByClientId.get(clientOrderId) : undefined) ?? this.idByVenueId.get(venueOrderId);
  }

  /** Waits for the changes in flight; UNKNOWN lookups stop retrying. */
  async stop(): Promise<void> {
    this.stopped = true;
    await this.lock;
  }
}

/** The order with the venue's quantity and price, or null when they are the ones we have. */
function amendedTo(order: Order, record: VenueOrder, now: number): BrokerEvent | null {
  const quantity = dec(record.quantity);
  const price = record.price === null || order.price === undefined ? null : dec(record.price);
  if (quantity.eq(order.quantity) && (price === null || price.eq(order.price!))) return null;
  return { type: "amended", order: { ...order, quantity: quantity.toFixed(), price: price === null ? order.price : price.toFixed(), updatedAt: now } };
}

function hasTerms(order: Order, change: OrderChange): boolean {
  const quantityOk = change.quantity === undefined || dec(change.quantity).eq(order.quantity);
  return quantityOk && (change.price === undefined || (order.price !== undefined && dec(change.price).eq(order.price)));
}
