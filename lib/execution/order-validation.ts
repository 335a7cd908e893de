import type { Decimal } from "decimal.js";
import type { Instrument } from "@/lib/domain/instrument";
import type { OrderIntent } from "@/lib/domain/order";
import { dec } from "@/lib/domain/money";
import { instrumentGrid } from "@/lib/execution/instrument-grid";

export type OrderShapeError = "INVALID_QUANTITY" | "INVALID_PRICE";

// Plain decimal notation only: decimal.js would also accept "1e3", "0x10" or "Infinity".
const PLAIN_DECIMAL = /^-?\d+(\.\d+)?$/;

// The gate, the broker and the fill code parse an order's quantity in turn; decimals are immutable, so the last
// one parsed is handed out again.
let lastText: string | undefined;
let lastParsed: Decimal | null = null;

/** Parses a decimal string from an order; null when it is not a plain finite decimal. */
export function parseDecimal(value: string | undefined): Decimal | null {
  if (value === lastText) return lastParsed;
  const parsed = value === undefined || !PLAIN_DECIMAL.test(value) ? null : dec(value);
  lastText = value;
  lastParsed = parsed;
  return parsed;
}

/** Positive, at least the instrument's minimum and on the lot grid. */
export function isValidQuantity(quantity: Decimal | null, instrument: Instrument): quantity is Decimal {
  if (quantity === null || !quantity.gt(0)) return false;
  const grid = instrumentGrid(instrument);
  return quantity.gte(grid.minQty) && grid.lot.contains(quantity);
}

/** Positive and on the tick grid. */
export function isValidPrice(price: Decimal | null, instrument: Instrument): price is Decimal {
  return price !== null && price.gt(0) && instrumentGrid(instrument).tick.contains(price);
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
