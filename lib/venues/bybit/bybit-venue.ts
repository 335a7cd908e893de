import type { Instrument } from "@/lib/domain/instrument";
import type { Order } from "@/lib/domain/order";
import {
  VenueOutcomeUnknown, VenueRejected,
  type LiveVenue, type VenueConnectionState, type VenueConnectionStatus, type VenueExecution, type VenueHandlers, type VenueOrder, type VenuePosition,
} from "@/lib/execution/live-venue";
import { logger } from "@/lib/logger";
import { amendOrderBody, cancelOrderBody, CATEGORY, createOrderBody, isValidOrderLinkId } from "@/lib/venues/bybit/order-requests";
import { parseExecution, parseInstrument, parseOrder, parsePosition } from "@/lib/venues/bybit/private-messages";
import { BybitPrivateStream, type PrivateSocketTuning } from "@/lib/venues/bybit/private-stream";
import { clockTime, RatePacer, type RatePacerOptions } from "@/lib/venues/bybit/rate-pacer";
import { BybitNoAnswer, BybitRestClient, type QueryParams } from "@/lib/venues/bybit/rest-client";
import { SeenIds } from "@/lib/runtime/seen-ids";

const log = logger("bybit-venue");

const SETTLE_COIN = "USDT";
/** Clock skew and network time on top of the recv window before a never-seen submit is surely dead. */
const UNKNOWN_GRACE_MARGIN_MS = 5_000;
/** A reconnect catch-up reaches back this far before the last execution seen; duplicates are dropped by execId. */
const CATCH_UP_OVERLAP_MS = 60_000;
const SEEN_EXECUTIONS = 10_000;
const MAX_PAGES = 50;
/** Bybit's execution list spans at most 7 days per request. */
const EXECUTION_WINDOW_MS = 7 * 24 * 3_600_000;

export interface BybitVenueOptions {
  restUrl: string;
  privateWsUrl: string;
  apiKey: string;
  apiSecret: string;
  recvWindowMs: number;
  requestTimeoutMs?: number;
  submitTimeoutMs?: number;
  now?: () => number;
  socket?: PrivateSocketTuning;
  pacer?: Omit<RatePacerOptions, "now" | "onBan">;
}

interface Page {
  list?: unknown[];
  nextPageCursor?: string;
}

/** Bybit v5 linear perpetuals: orders over signed REST, updates and executions over the private stream. */
export class BybitVenue implements LiveVenue {
  readonly name = "bybit";
  readonly unknownGraceMs: number;
  private readonly now: () => number;
  private readonly rest: BybitRestClient;
  private readonly stream: BybitPrivateStream;
  private readonly submitTimeoutMs: number;
  private readonly seenExecutions = new SeenIds(SEEN_EXECUTIONS);
  private handlers: VenueHandlers | null = null;
  private streamState: { state: VenueConnectionState; detail: string | null; since: number };
  private lastExecutionTs: number | null = null;
  private startedAt = 0;
  private banTimer: ReturnType<typeof setTimeout> | null = null;
  private bannedSince = 0;

  constructor(options: BybitVenueOptions) {
    this.now = options.now ?? Date.now;
    this.unknownGraceMs = options.recvWindowMs + UNKNOWN_GRACE_MARGIN_MS;
    this.submitTimeoutMs = options.submitTimeoutMs ?? options.requestTimeoutMs ?? 10_000;
    const credentials = { apiKey: options.apiKey, apiSecret: options.apiSecret };
    const pacer = new RatePacer({ ...options.pacer, now: this.now, onBan: (until) => this.onBan(until) });
    this.rest = new BybitRestClient({ baseUrl: options.restUrl, credentials, recvWindowMs: options.recvWindowMs, timeoutMs: options.requestTimeoutMs ?? 10_000, pacer, now: this.now });
    this.stream = new BybitPrivateStream({ url: options.privateWsUrl, credentials, now: this.now, socket: options.socket });
    this.streamState = { state: "disconnected", detail: "not started", since: this.now() };
  }

  async start(handlers: VenueHandlers): Promise<void> {
    this.handlers = handlers;
    this.startedAt = this.now();
    await this.rest.syncClock().catch((error: unknown) => log.warn({ err: message(error) }, "could not read Bybit's clock; signing with ours"));
    this.stream.start({
      order: (order) => handlers.update({ kind: "order", order }),
      execution: (execution) => this.deliverExecution(execution),
      position: (position) => log.debug({ position }, "position update"),
      state: (state, detail) => this.setStreamState(state, detail),
      reconnected: () => void this.catchUpAfterReconnect(),
    });
  }

  async stop(): Promise<void> {
    if (this.banTimer) clearTimeout(this.banTimer);
    this.banTimer = null;
    await this.stream.stop();
    this.handlers = null;
  }

  status(): VenueConnectionStatus {
    const bannedUntil = this.rest.pacer.bannedUntil();
    const lastMessageAt = this.stream.lastMessageAt();
    if (bannedUntil !== null) {
      const detail = `Bybit banned this IP address (HTTP 403): no requests until ${clockTime(bannedUntil)}`;
      return { venue: this.name, state: "banned", detail, lastMessageAt, since: this.bannedSince };
    }
    return { venue: this.name, ...this.streamState, lastMessageAt };
  }

  async instruments(symbols: readonly string[]): Promise<Instrument[]> {
    const instruments: Instrument[] = [];
    for (const symbol of symbols) {
      const page = await this.rest.get<Page>("/v5/market/instruments-info", { category: CATEGORY, symbol }, { signed: false });
      const row = page.list?.[0];
      if (row === undefined) throw new Error(`Bybit has no linear instrument ${symbol}`);
      instruments.push(parseInstrument(row));
    }
    return instruments;
  }

  async submit(order: Order): Promise<VenueOrder> {
    const body = createOrderBody(order);
    try {
      const result = await this.rest.post<{ orderId: string }>("/v5/order/create", body, { timeoutMs: this.submitTimeoutMs });
      return acceptedOrder(order, result.orderId, this.now());
    } catch (error) {
      if (error instanceof BybitNoAnswer) throw outcomeUnknown(order, error);
      if (error instanceof VenueRejected && error.code === "110072") return this.alreadyPlaced(order);
      throw error;
    }
  }

  async cancel(order: Order, venueOrderId?: string): Promise<VenueOrder> {
    const find = venueOrderId ? () => this.lookupByVenueId(order.symbol, venueOrderId) : () => this.lookup(order.symbol, order.clientOrderId);
    return this.changeThenLookup(order, "/v5/order/cancel", cancelOrderBody(order, venueOrderId), { finalIfNotOpen: true, find });
  }

  async amend(order: Order, change: { quantity?: string; price?: string }): Promise<VenueOrder> {
    return this.changeThenLookup(order, "/v5/order/amend", amendOrderBody(order, change), { finalIfNotOpen: false, find: () => this.lookup(order.symbol, order.clientOrderId) });
  }

  private async lookupByVenueId(symbol: string, venueOrderId: string): Promise<VenueOrder | null> {
    for (const path of ["/v5/order/realtime", "/v5/order/history"]) {
      const page = await this.rest.get<Page>(path, { category: CATEGORY, symbol, orderId: venueOrderId });
      const found = (page.list ?? []).map(parseOrder).find((order) => order?.venueOrderId === venueOrderId);
      if (found) return found;
    }
    return null;
  }

  /** Open and recently closed orders first, then the order history. */
  async lookup(symbol: string, clientOrderId: string): Promise<VenueOrder | null> {
    if (!isValidOrderLinkId(clientOrderId)) return null; // never sendable, so never sent
    const params = { category: CATEGORY, symbol, orderLinkId: clientOrderId };
    for (const path of ["/v5/order/realtime", "/v5/order/history"]) {
      const page = await this.rest.get<Page>(path, params);
      const found = (page.list ?? []).map(parseOrder).find((order) => order?.clientOrderId === clientOrderId);
      if (found) return found;
    }
    return null;
  }

  async openOrders(): Promise<VenueOrder[]> {
    const rows = await this.pages("/v5/order/realtime", { category: CATEGORY, settleCoin: SETTLE_COIN, openOnly: 0, limit: 50 });
    return rows.map(parseOrder).filter((order): order is VenueOrder => order !== null && (order.status === "ACCEPTED" || order.status === "PARTIALLY_FILLED"));
  }

  async positions(): Promise<VenuePosition[]> {
    const rows = await this.pages("/v5/position/list", { category: CATEGORY, settleCoin: SETTLE_COIN, limit: 200 });
    return rows.map(parsePosition).filter((position): position is VenuePosition => position !== null);
  }

  async executions(since: number): Promise<VenueExecution[]> {
    const executions: VenueExecution[] = [];
    const end = this.now();
    for (let start = since; start <= end; start += EXECUTION_WINDOW_MS) {
      const endTime = Math.min(start + EXECUTION_WINDOW_MS - 1, end);
      const newestFirst = await this.pages("/v5/execution/list", { category: CATEGORY, startTime: start, endTime, limit: 100 });
      for (const execution of newestFirst.reverse().map(parseExecution)) if (execution) executions.push(execution);
    }
    // Stable: executions of the same millisecond keep Bybit's order.
    return executions.sort((a, b) => a.ts - b.ts);
  }

  /** `finalIfNotOpen`: a cancel of an order that already ended reports how it ended instead of failing. */
  private async changeThenLookup(
    order: Order, path: string, body: Record<string, string>, options: { finalIfNotOpen: boolean; find: () => Promise<VenueOrder | null> },
  ): Promise<VenueOrder> {
    try {
      await this.rest.post(path, body);
    } catch (error) {
      if (error instanceof BybitNoAnswer) throw new VenueOutcomeUnknown(`${error.message}: whether ${path} took effect on ${order.clientOrderId} is unknown`);
      const notOpen = error instanceof VenueRejected && error.code === "110001";
      const final = notOpen && options.finalIfNotOpen ? await options.find() : null;
      if (final) return final;
      throw error;
    }
    const current = await options.find();
    if (!current) throw new Error(`Bybit accepted ${path} for ${order.clientOrderId} but does not list the order`);
    return current;
  }

  /** 110072: an order with this orderLinkId already exists (an earlier attempt landed): report that one. */
  private async alreadyPlaced(order: Order): Promise<VenueOrder> {
    let existing: VenueOrder | null;
    try {
      existing = await this.lookup(order.symbol, order.clientOrderId);
    } catch (error) {
      throw new VenueOutcomeUnknown(`Bybit already has orderLinkId ${order.clientOrderId} but looking it up failed: ${message(error)}`);
    }
    if (!existing) throw new VenueOutcomeUnknown(`Bybit already has orderLinkId ${order.clientOrderId} but does not list it yet`);
    return existing;
  }

  private async pages(path: string, params: QueryParams): Promise<unknown[]> {
    const rows: unknown[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < MAX_PAGES; page++) {
      const result = await this.rest.get<Page>(path, { ...params, cursor });
      rows.push(...(result.list ?? []));
      cursor = result.nextPageCursor || undefined;
      if (!cursor) return rows;
    }
    throw new Error(`Bybit ${path}: more than ${MAX_PAGES} pages`);
  }

  private deliverExecution(execution: VenueExecution): void {
    if (!this.seenExecutions.add(execution.execId)) return;
    this.lastExecutionTs = Math.max(this.lastExecutionTs ?? 0, execution.ts);
    this.handlers?.update({ kind: "execution", execution });
  }

  /** The stream does not replay what it missed: fetch the executions over REST, then let the engine reconcile. */
  private async catchUpAfterReconnect(): Promise<void> {
    const since = (this.lastExecutionTs ?? this.startedAt) - CATCH_UP_OVERLAP_MS;
    try {
      for (const execution of await this.executions(since)) this.deliverExecution(execution);
    } catch (error) {
      log.error({ err: message(error) }, "execution catch-up after reconnect failed; the engine's reconciliation must cover it");
    }
    this.handlers?.reconnected();
  }

  private setStreamState(state: VenueConnectionState, detail: string | null): void {
    this.streamState = { state, detail, since: this.now() };
    this.handlers?.status(this.status());
  }

  private onBan(until: number): void {
    this.bannedSince = this.now();
    if (this.banTimer) clearTimeout(this.banTimer);
    this.banTimer = setTimeout(() => this.handlers?.status(this.status()), Math.max(0, until - this.now()));
    this.banTimer.unref();
    queueMicrotask(() => this.handlers?.status(this.status()));
  }
}

function acceptedOrder(order: Order, venueOrderId: string, now: number): VenueOrder {
  return {
    venueOrderId, clientOrderId: order.clientOrderId, symbol: order.symbol, side: order.side,
    type: order.type === "MARKET" ? "MARKET" : "LIMIT", quantity: order.quantity, price: order.type === "LIMIT" ? (order.price ?? null) : null,
    status: "ACCEPTED", filledQuantity: "0", averageFillPrice: null, rejectReason: null, updatedAt: now,
  };
}

function outcomeUnknown(order: Order, error: BybitNoAnswer): VenueOutcomeUnknown {
  return new VenueOutcomeUnknown(`${error.message}: order ${order.clientOrderId} may or may not be at Bybit; resolve it with lookup, never resend under a new id`);
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
