import type { Instrument } from "@/lib/domain/instrument";
import type { Order, OrderSide } from "@/lib/domain/order";

/**
 * A real venue reached over the network: every call may fail, time out or take long, and order updates and
 * executions also arrive on their own (the private stream). Prices and quantities are decimal strings as sent.
 */

/** An order as the venue reports it. `clientOrderId` is null for orders placed outside the platform. */
export interface VenueOrder {
  venueOrderId: string;
  clientOrderId: string | null;
  symbol: string;
  side: OrderSide;
  type: "MARKET" | "LIMIT";
  quantity: string;
  price: string | null;
  status: "ACCEPTED" | "PARTIALLY_FILLED" | "FILLED" | "CANCELED" | "REJECTED";
  filledQuantity: string;
  averageFillPrice: string | null;
  rejectReason: string | null;
  updatedAt: number;
}

/** One execution; `execId` is unique at the venue, so applying each once is keyed by it. */
export interface VenueExecution {
  execId: string;
  venueOrderId: string;
  clientOrderId: string | null;
  symbol: string;
  side: OrderSide;
  quantity: string;
  price: string;
  /** In the quote currency; positive is paid, negative a rebate. */
  fee: string;
  liquidity: "MAKER" | "TAKER";
  ts: number;
}

/** Net position: quantity is signed (+ long, - short), "0" when flat. */
export interface VenuePosition {
  symbol: string;
  quantity: string;
  averagePrice: string | null;
}

export type VenueUpdate = { kind: "order"; order: VenueOrder } | { kind: "execution"; execution: VenueExecution };

export type VenueConnectionState = "connecting" | "connected" | "disconnected" | "banned" | "unauthenticated";

export interface VenueConnectionStatus {
  venue: string;
  state: VenueConnectionState;
  /** Plain words for the trader: why it is not connected, until when a ban lasts. */
  detail: string | null;
  lastMessageAt: number | null;
  since: number;
}

/** The request may or may not have reached the venue (timeout, dropped connection): the order is UNKNOWN. */
export class VenueOutcomeUnknown extends Error {
  constructor(message: string) {
    super(message);
    this.name = "VenueOutcomeUnknown";
  }
}

/** The venue answered and refused; `code` is the venue's own (e.g. Bybit retCode). */
export class VenueRejected extends Error {
  constructor(readonly code: string, message: string) {
    super(message);
    this.name = "VenueRejected";
  }
}

export interface VenueHandlers {
  update(update: VenueUpdate): void;
  /** The private stream came back after a drop: updates may have been missed, so reconcile. */
  reconnected(): void;
  status(status: VenueConnectionStatus): void;
}

export interface LiveVenue {
  readonly name: string;
  /** After this long a submit that was never seen by the venue can no longer execute (e.g. Bybit's recv window). */
  readonly unknownGraceMs: number;
  start(handlers: VenueHandlers): Promise<void>;
  stop(): Promise<void>;
  /** Tick size, lot size and minimum quantity of the symbols, as the venue trades them. */
  instruments(symbols: readonly string[]): Promise<Instrument[]>;
  /** Sends the order with its clientOrderId as the venue's idempotency key. Throws VenueRejected or VenueOutcomeUnknown. */
  submit(order: Order): Promise<VenueOrder>;
  /** By client order id, or by the venue's order id when given (orders placed outside the platform have no id of ours). */
  cancel(order: Order, venueOrderId?: string): Promise<VenueOrder>;
  amend(order: Order, change: { quantity?: string; price?: string }): Promise<VenueOrder>;
  /** The venue's record of the order with this client order id, or null when it has none. */
  lookup(symbol: string, clientOrderId: string): Promise<VenueOrder | null>;
  openOrders(): Promise<VenueOrder[]>;
  positions(): Promise<VenuePosition[]>;
  /** Executions since `since` (ms), oldest first, to catch up on what the stream missed. */
  executions(since: number): Promise<VenueExecution[]>;
  status(): VenueConnectionStatus;
}
