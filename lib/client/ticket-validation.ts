import type { OrderType } from "@/lib/domain/order";

const DECIMAL = /^(?:\d+(?:\.\d*)?|\.\d+)$/;

/** A positive plain decimal, checked on its text: the server does the exact arithmetic. */
export function isPositiveDecimal(text: string): boolean {
  const trimmed = text.trim();
  return DECIMAL.test(trimmed) && /[1-9]/.test(trimmed);
}

export function needsPrice(type: OrderType): boolean {
  return type === "LIMIT" || type === "STOP";
}

/** Returns what is wrong with the ticket, or null when it can be sent. */
export function validateTicket(type: OrderType, quantity: string, price: string): string | null {
  if (!isPositiveDecimal(quantity)) return "Quantity must be a positive number";
  if (needsPrice(type) && !isPositiveDecimal(price)) {
    return `${type === "LIMIT" ? "Limit" : "Stop"} price must be a positive number`;
  }
  return null;
}
