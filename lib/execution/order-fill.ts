import type { Decimal } from "decimal.js";
import type { Fill, Order } from "@/lib/domain/order";
import { dec, Money } from "@/lib/domain/money";
import { transition } from "@/lib/domain/order-state-machine";
import { parseDecimal } from "@/lib/execution/order-validation";

// The average fill price is informational (fills carry the exact prices), so it is rounded to keep it short.
const AVERAGE_PRICE_PLACES = 12;

/** The decimals a fill's quantity, price and fee strings were written from. */
export interface FillAmounts {
  quantity: Decimal;
  price: Decimal;
  fee: Decimal;
}

/** The order's quantity; parseDecimal hands back the decimal the gate and the validation already parsed. */
function orderQuantity(order: Order): Decimal {
  return parseDecimal(order.quantity) ?? dec(order.quantity);
}

export function remainingQuantity(order: Order): Decimal {
  return orderQuantity(order).sub(order.filledQuantity);
}

/** The order after executing qty at price: filled quantity, average price and status (via the state machine). */
export function applyExecution(order: Order, qty: Decimal, price: Decimal, ts: number): Order {
  const first = order.filledQuantity === "0" && order.averageFillPrice === null;
  const after = first ? qty : qty.add(order.filledQuantity);
  const event = after.gte(orderQuantity(order)) ? { type: "FILL" as const } : { type: "PARTIAL_FILL" as const };
  return {
    ...order,
    status: transition(order.status, event),
    filledQuantity: after.toFixed(),
    averageFillPrice: (first ? firstAverage(qty, price) : laterAverage(order, qty, price, after)).toFixed(),
    updatedAt: ts,
  };
}

/** qty * price / qty is price itself when the product is exact (fits the precision), so no division is needed. */
function firstAverage(qty: Decimal, price: Decimal): Decimal {
  if (qty.sd(true) + price.sd(true) <= Money.precision) return price.toDecimalPlaces(AVERAGE_PRICE_PLACES);
  return qty.mul(price).div(qty).toDecimalPlaces(AVERAGE_PRICE_PLACES);
}

function laterAverage(order: Order, qty: Decimal, price: Decimal, after: Decimal): Decimal {
  const before = dec(order.filledQuantity);
  const previousNotional = order.averageFillPrice === null ? dec(0) : dec(order.averageFillPrice).mul(before);
  return previousNotional.add(qty.mul(price)).div(after).toDecimalPlaces(AVERAGE_PRICE_PLACES);
}

export interface ExecutionDetails extends FillAmounts {
  id: string;
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
