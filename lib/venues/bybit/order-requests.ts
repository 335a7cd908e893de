import type { Order } from "@/lib/domain/order";
import { VenueRejected } from "@/lib/execution/live-venue";

/** Bybit v5 request bodies for linear perpetual orders; anything Bybit would refuse is refused here, unsent. */

export const CATEGORY = "linear";

// Bybit: at most 36 characters, letters, digits, dashes and underscores.
const ORDER_LINK_ID = /^[A-Za-z0-9_-]{1,36}$/;
const DECIMAL = /^\d+(\.\d+)?$/;

export function isValidOrderLinkId(id: string): boolean {
  return ORDER_LINK_ID.test(id);
}

function invalid(order: Pick<Order, "clientOrderId">, reason: string): VenueRejected {
  return new VenueRejected("INVALID_ORDER", `Order ${order.clientOrderId} not sent to Bybit: ${reason}`);
}

function requireLinkId(order: Pick<Order, "clientOrderId">): void {
  if (!isValidOrderLinkId(order.clientOrderId)) throw invalid(order, "the client order id must be 1-36 letters, digits, - or _");
}

export function createOrderBody(order: Order): Record<string, string> {
  requireLinkId(order);
  if (order.type !== "MARKET" && order.type !== "LIMIT") throw invalid(order, `${order.type} orders are not supported on Bybit`);
  if (!DECIMAL.test(order.quantity)) throw invalid(order, `quantity "${order.quantity}" is not a decimal number`);
  const common = { category: CATEGORY, symbol: order.symbol, side: order.side === "BUY" ? "Buy" : "Sell", qty: order.quantity, orderLinkId: order.clientOrderId };
  if (order.type === "MARKET") return { ...common, orderType: "Market", timeInForce: "IOC" };
  if (order.price === undefined || !DECIMAL.test(order.price)) throw invalid(order, "a limit order needs a decimal price");
  return { ...common, orderType: "Limit", price: order.price, timeInForce: order.timeInForce };
}

/** By Bybit's order id when given: an order placed outside the platform has no orderLinkId of ours. */
export function cancelOrderBody(order: Pick<Order, "clientOrderId" | "symbol">, venueOrderId?: string): Record<string, string> {
  if (venueOrderId) return { category: CATEGORY, symbol: order.symbol, orderId: venueOrderId };
  requireLinkId(order);
  return { category: CATEGORY, symbol: order.symbol, orderLinkId: order.clientOrderId };
}

export function amendOrderBody(order: Pick<Order, "clientOrderId" | "symbol">, change: { quantity?: string; price?: string }): Record<string, string> {
  requireLinkId(order);
  if (change.quantity === undefined && change.price === undefined) throw invalid(order, "an amend needs a new quantity or price");
  for (const value of [change.quantity, change.price]) {
    if (value !== undefined && !DECIMAL.test(value)) throw invalid(order, `"${value}" is not a decimal number`);
  }
  return {
    category: CATEGORY, symbol: order.symbol, orderLinkId: order.clientOrderId,
    ...(change.quantity !== undefined ? { qty: change.quantity } : {}),
    ...(change.price !== undefined ? { price: change.price } : {}),
  };
}
