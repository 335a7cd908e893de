import type { Instrument } from "@/lib/domain/instrument";
import { dec } from "@/lib/domain/money";
import type { Order } from "@/lib/domain/order";
import { isValidPrice, isValidQuantity, parseDecimal } from "@/lib/execution/order-validation";

/** A change to an open order: its new total quantity and/or its new limit or stop price, as decimal strings. */
export interface OrderChange {
  quantity?: string;
  price?: string;
}

export const AMEND_REJECT_REASONS = [
  "ORDER_NOT_OPEN", "ORDER_NOT_AMENDABLE", "NOTHING_TO_CHANGE", "INVALID_QUANTITY", "INVALID_PRICE", "QUANTITY_NOT_ABOVE_FILLED",
] as const;
export type AmendRejectReason = (typeof AMEND_REJECT_REASONS)[number];

export interface AmendRefusal {
  reason: AmendRejectReason;
  message: string;
}

/** Only LIMIT and STOP orders the venue holds (ACCEPTED or PARTIALLY_FILLED) can be amended. */
export function notAmendable(order: Pick<Order, "type" | "status">): AmendRefusal | null {
  if (order.type === "MARKET") return { reason: "ORDER_NOT_AMENDABLE", message: "a MARKET order cannot be amended, only LIMIT and STOP orders" };
  if (order.status !== "ACCEPTED" && order.status !== "PARTIALLY_FILLED") return { reason: "ORDER_NOT_OPEN", message: `the order is ${order.status}` };
  return null;
}

/**
 * Why the order cannot take this change, or null: the order must be amendable, the new quantity on the lot grid and
 * above what already filled, the new price on the tick grid.
 */
export function amendRefusal(order: Order, change: OrderChange, instrument: Instrument): AmendRefusal | null {
  const closed = notAmendable(order);
  if (closed !== null) return closed;
  if (change.quantity === undefined && change.price === undefined) return { reason: "NOTHING_TO_CHANGE", message: "give a new quantity, a new price or both" };
  if (change.quantity !== undefined) {
    const quantity = parseDecimal(change.quantity);
    if (!isValidQuantity(quantity, instrument)) {
      return { reason: "INVALID_QUANTITY", message: `quantity ${change.quantity}: lot ${instrument.lotSize}, min ${instrument.minQty}` };
    }
    if (quantity.lte(order.filledQuantity)) {
      return { reason: "QUANTITY_NOT_ABOVE_FILLED", message: `quantity ${change.quantity} must be above the ${order.filledQuantity} already filled` };
    }
  }
  if (change.price !== undefined && !isValidPrice(parseDecimal(change.price), instrument)) {
    return { reason: "INVALID_PRICE", message: `price ${change.price}: tick ${instrument.tickSize}` };
  }
  return null;
}

/** The order with the change applied, in canonical decimal form ("0.020" is stored as "0.02"). */
export function withChange(order: Order, change: OrderChange, now: number): Order {
  return {
    ...order,
    quantity: change.quantity === undefined ? order.quantity : dec(change.quantity).toFixed(),
    price: change.price === undefined ? order.price : dec(change.price).toFixed(),
    updatedAt: now,
  };
}

/** What is left to fill after the change: the size the amended order can still add to the position. */
export function remainingAfter(order: Order, change: OrderChange): string {
  return dec(change.quantity ?? order.quantity).sub(order.filledQuantity).toFixed();
}
