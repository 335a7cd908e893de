import { Decimal } from "decimal.js";
import type { Order } from "@/lib/domain/order";
import { dec } from "@/lib/domain/money";
import { transition } from "@/lib/domain/order-state-machine";
import type { BrokerEvent } from "@/lib/execution/broker";
import type { VenueExecution } from "@/lib/execution/live-venue";
import { applyExecution, buildFill, remainingQuantity } from "@/lib/execution/order-fill";

/**
 * Pure builders of the events that move our record of an order towards what a live venue reports. Each returns the
 * event (whose `order` is the order after it) or null when the order is already there. Nothing moves backwards.
 */

/** The venue has the order: NEW is accepted, UNKNOWN resolved as accepted (its fills follow from executions). */
export function activated(order: Order, now: number): BrokerEvent | null {
  if (order.status === "NEW") return { type: "accepted", order: { ...order, status: transition("NEW", { type: "ACCEPT" }), updatedAt: now } };
  if (order.status === "UNKNOWN") {
    return { type: "resolved", order: { ...order, status: transition("UNKNOWN", { type: "RESOLVE", to: "ACCEPTED" }), updatedAt: now }, reason: "found at the venue by its client order id" };
  }
  return null;
}

/** The venue refused it, or never received it. */
export function refused(order: Order, reason: string, now: number): BrokerEvent | null {
  if (order.status === "NEW") return { type: "rejected", order: { ...order, status: transition("NEW", { type: "REJECT" }), rejectReason: reason, updatedAt: now }, reason };
  if (order.status === "UNKNOWN") {
    return { type: "resolved", order: { ...order, status: transition("UNKNOWN", { type: "RESOLVE", to: "REJECTED" }), rejectReason: reason, updatedAt: now }, reason };
  }
  return null;
}

export function canceled(order: Order, now: number): BrokerEvent | null {
  if (order.status === "UNKNOWN") {
    return { type: "resolved", order: { ...order, status: transition("UNKNOWN", { type: "RESOLVE", to: "CANCELED" }), updatedAt: now }, reason: "canceled at the venue" };
  }
  if (order.status === "FILLED" || order.status === "CANCELED" || order.status === "REJECTED") return null;
  return { type: "canceled", order: { ...order, status: transition(order.status, { type: "CANCEL" }), updatedAt: now } };
}

export function outcomeUnknown(order: Order, reason: string, now: number): BrokerEvent | null {
  if (order.status !== "NEW") return null;
  return { type: "unknown", order: { ...order, status: transition("NEW", { type: "MARK_UNKNOWN" }), updatedAt: now }, reason };
}

/** The fill of one venue execution, at most the order's remaining quantity; the fill id is the venue's exec id. */
export function executionFill(order: Order, execution: VenueExecution, venue: string): BrokerEvent | null {
  const quantity = Decimal.min(dec(execution.quantity), remainingQuantity(order));
  if (quantity.lte(0)) return null;
  const price = dec(execution.price);
  const fee = dec(execution.fee);
  const after = applyExecution(order, quantity, price, execution.ts);
  const fill = buildFill(after, { id: venueFillId(venue, execution.execId), quantity, price, fee, liquidity: execution.liquidity, ts: execution.ts });
  return { type: "fill", order: after, fill, amounts: { quantity, price, fee } };
}

export function venueFillId(venue: string, execId: string): string {
  return `${venue}:${execId}`;
}
