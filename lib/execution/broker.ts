import type { Tick } from "@/lib/domain/market-data";
import type { Fill, Order } from "@/lib/domain/order";
import type { AmendRefusal, OrderChange } from "@/lib/execution/amend/order-change";
import type { FillAmounts } from "@/lib/execution/order-fill";

/**
 * What a venue reports. Each event carries the order as it is after the event, so the engine can persist
 * `event.order` as-is. Events come back from the call that caused them, in order, never later.
 */
export type BrokerEvent =
  | { type: "accepted"; order: Order }
  | { type: "rejected"; order: Order; reason: string }
  /** amounts, when the venue gives them, are the exact decimals the fill's strings were written from. */
  | { type: "fill"; order: Order; fill: Fill; amounts?: FillAmounts }
  | { type: "canceled"; order: Order }
  /** The order's quantity and/or price changed while it stays open. */
  | { type: "amended"; order: Order }
  /** A live venue did not answer a submit (timeout, dropped connection): the order may or may not exist there. */
  | { type: "unknown"; order: Order; reason: string }
  /** An UNKNOWN order, looked up at the venue by its client order id. */
  | { type: "resolved"; order: Order; reason: string };

export type BrokerEventType = BrokerEvent["type"];

export const CANCEL_REJECT_REASONS = ["ORDER_NOT_FOUND", "ORDER_NOT_OPEN"] as const;
export type CancelRejectReason = (typeof CANCEL_REJECT_REASONS)[number];

/** A refused cancel leaves the order untouched, so it is a result of the call, not an order event. */
export type CancelResult =
  | { ok: true; events: readonly BrokerEvent[] }
  | { ok: false; orderId: string; reason: CancelRejectReason };

/** A refused amend leaves the order untouched, like a refused cancel. */
export type AmendResult = { ok: true; events: readonly BrokerEvent[] } | ({ ok: false; orderId: string } & AmendRefusal);

export interface Broker {
  readonly venue: string;
  /** Sends a NEW order. Rejections are events, not exceptions. */
  submit(order: Order): readonly BrokerEvent[];
  cancel(orderId: string): CancelResult;
  /** Changes a resting order's quantity and/or price; an amend to a marketable price may fill at once. */
  amend(orderId: string, change: OrderChange): AmendResult;
  /** Feeds one trade print; returns the fills (and their orders) it caused. */
  onTick(tick: Tick): readonly BrokerEvent[];
  /** Orders resting at the venue, for reconciliation. */
  openOrders(): Order[];
}
