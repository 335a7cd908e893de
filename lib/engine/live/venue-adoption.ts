import type { Decimal } from "decimal.js";
import type { Order } from "@/lib/domain/order";
import { dec, ZERO } from "@/lib/domain/money";
import type { BrokerEvent } from "@/lib/execution/broker";
import type { VenueOrder } from "@/lib/execution/live-venue";
import { applyExecution, buildFill } from "@/lib/execution/order-fill";

/** An order placed outside the platform, as the journal keeps it once a trader adopts it (source "venue"). */
export function adoptedOrder(record: VenueOrder, accountId: string, venue: string, now: number): Order {
  return {
    id: crypto.randomUUID(), clientOrderId: record.clientOrderId ?? `venue-${record.venueOrderId}`, accountId, symbol: record.symbol,
    side: record.side, type: record.type, quantity: record.quantity, price: record.price ?? undefined, timeInForce: "GTC", source: "venue",
    status: dec(record.filledQuantity).gt(0) ? "PARTIALLY_FILLED" : "ACCEPTED", filledQuantity: record.filledQuantity,
    averageFillPrice: record.averageFillPrice, rejectReason: null, venue, createdAt: now, updatedAt: now,
  };
}

/** The order that books a position difference found by reconciliation (delta > 0 buys, < 0 sells). */
export function adjustmentOrder(params: { accountId: string; symbol: string; delta: Decimal; venue: string; id: string; now: number }): Order {
  const { accountId, symbol, delta, venue, id, now } = params;
  return {
    id, clientOrderId: `adjust-${id}`.slice(0, 36), accountId, symbol, side: delta.gt(0) ? "BUY" : "SELL", type: "MARKET",
    quantity: delta.abs().toFixed(), timeInForce: "IOC", source: "venue", status: "NEW", filledQuantity: "0", averageFillPrice: null,
    rejectReason: null, venue, createdAt: now, updatedAt: now,
  };
}

/** Accepted, then filled in full at `price` with no fee: the adjustment moves the position, not the fees. */
export function adjustmentEvents(order: Order, price: string, venue: string): BrokerEvent[] {
  const accepted: Order = { ...order, status: "ACCEPTED" };
  const quantity = dec(order.quantity);
  const amounts = { quantity, price: dec(price), fee: ZERO };
  const filled = applyExecution(accepted, quantity, amounts.price, order.updatedAt);
  const fill = buildFill(filled, { id: `${venue}:adjust:${order.id}`, ...amounts, liquidity: "TAKER", ts: order.updatedAt });
  return [{ type: "accepted", order: accepted }, { type: "fill", order: filled, fill, amounts }];
}
