import type { Decimal } from "decimal.js";
import type { Fill, Order } from "@/lib/domain/order";
import { dec } from "@/lib/domain/money";
import { transition } from "@/lib/domain/order-state-machine";

// The average fill price is informational (fills carry the exact prices), so it is rounded to keep it short.
const AVERAGE_PRICE_PLACES = 12;

export function remainingQuantity(order: Order): Decimal {
  return dec(order.quantity).sub(order.filledQuantity);
}

/** The order after executing qty at price: filled quantity, average price and status (via the state machine). */
export function applyExecution(order: Order, qty: Decimal, price: Decimal, ts: number): Order {
  const before = dec(order.filledQuantity);
  const after = before.add(qty);
  const previousNotional = order.averageFillPrice === null ? dec(0) : dec(order.averageFillPrice).mul(before);
  const average = previousNotional.add(qty.mul(price)).div(after).toDecimalPlaces(AVERAGE_PRICE_PLACES);
  const event = after.gte(order.quantity) ? { type: "FILL" as const } : { type: "PARTIAL_FILL" as const };
  return {
    ...order,
    status: transition(order.status, event),
    filledQuantity: after.toFixed(),
    averageFillPrice: average.toFixed(),
    updatedAt: ts,
  };
}

export interface ExecutionDetails {
  id: string;
  quantity: Decimal;
  price: Decimal;
  fee: Decimal;
  liquidity: Fill["liquidity"];
  ts: number;
}

export function buildFill(order: Order, details: ExecutionDetails): Fill {
  return {
    id: details.id,
    orderId: order.id,
    clientOrderId: order.clientOrderId,
    accountId: order.accountId,
    symbol: order.symbol,
    side: order.side,
    quantity: details.quantity.toFixed(),
    price: details.price.toFixed(),
    fee: details.fee.toFixed(),
    liquidity: details.liquidity,
    ts: details.ts,
  };
}

/** Deterministic fill id: the cumulative filled quantity strictly increases per order, so it survives restarts. */
export function defaultFillId(orderAfterFill: Order): string {
  return `${orderAfterFill.id}:${orderAfterFill.filledQuantity}`;
}
