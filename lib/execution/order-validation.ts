import type { Decimal } from "decimal.js";
import type { Instrument } from "@/lib/domain/instrument";
import type { OrderIntent } from "@/lib/domain/order";
import { dec, type DecimalInput } from "@/lib/domain/money";

export type OrderShapeError = "INVALID_QUANTITY" | "INVALID_PRICE";

// Plain decimal notation only: decimal.js would also accept "1e3", "0x10" or "Infinity".
const PLAIN_DECIMAL = /^-?\d+(\.\d+)?$/;

/** Parses a decimal string from an order; null when it is not a plain finite decimal. */
export function parseDecimal(value: string | undefined): Decimal | null {
  if (value === undefined || !PLAIN_DECIMAL.test(value)) return null;
  return dec(value);
}

export function isOnStep(value: Decimal, step: DecimalInput): boolean {
  return value.mod(dec(step)).isZero();
}

/** Positive, at least the instrument's minimum and on the lot grid. */
export function isValidQuantity(quantity: Decimal | null, instrument: Instrument): quantity is Decimal {
  return quantity !== null && quantity.gt(0) && quantity.gte(instrument.minQty) && isOnStep(quantity, instrument.lotSize);
}

/** Positive and on the tick grid. */
export function isValidPrice(price: Decimal | null, instrument: Instrument): price is Decimal {
  return price !== null && price.gt(0) && isOnStep(price, instrument.tickSize);
}

/** Checks what any venue would: quantity on the lot grid, limit/stop price on the tick grid. */
export function validateOrderShape(
  intent: Pick<OrderIntent, "type" | "quantity" | "price">,
  instrument: Instrument,
): OrderShapeError | null {
  if (!isValidQuantity(parseDecimal(intent.quantity), instrument)) return "INVALID_QUANTITY";
  if (intent.type !== "MARKET" && !isValidPrice(parseDecimal(intent.price), instrument)) return "INVALID_PRICE";
  return null;
}
