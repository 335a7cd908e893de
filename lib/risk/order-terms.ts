import type { Decimal } from "decimal.js";
import type { OrderIntent } from "@/lib/domain/order";
import { priceToDecimal } from "@/lib/domain/money";
import { parseDecimal } from "@/lib/execution/order-validation";
import type { PreTradeContext } from "@/lib/risk/pre-trade-context";
import { rejection, type RiskRejection } from "@/lib/risk/reason-codes";

export interface OrderTerms {
  quantity: Decimal;
  /** Limit price (LIMIT), trigger price (STOP) or the reference price (MARKET). */
  price: Decimal;
}

export function isUsablePrice(price: number | null): price is number {
  return price !== null && price > 0 && price < Infinity;
}

/** The reference price on the instrument's tick grid, or null when missing, zero, NaN or the symbol is unknown. */
export function referencePrice(ctx: PreTradeContext): Decimal | null {
  if (ctx.instrument === undefined || !isUsablePrice(ctx.referencePrice)) return null;
  return priceToDecimal(ctx.referencePrice, ctx.instrument.tickSize);
}

/** Quantity and price an order would trade at; a rejection when either cannot be known (fail closed). */
export function orderTerms(ctx: PreTradeContext, intent: OrderIntent): OrderTerms | RiskRejection {
  const quantity = parseDecimal(intent.quantity);
  if (quantity === null || !quantity.gt(0)) return rejection("INVALID_QUANTITY", `quantity ${intent.quantity}`);
  if (intent.type === "MARKET") {
    const price = referencePrice(ctx);
    return price === null ? rejection("NO_REFERENCE_PRICE", intent.symbol) : { quantity, price };
  }
  const price = parseDecimal(intent.price);
  if (price === null || !price.gt(0)) return rejection("INVALID_PRICE", `price ${String(intent.price)}`);
  return { quantity, price };
}

export function isRejection(value: OrderTerms | RiskRejection): value is RiskRejection {
  return "code" in value;
}

export function signedQuantity(intent: Pick<OrderIntent, "side">, quantity: Decimal): Decimal {
  return intent.side === "BUY" ? quantity : quantity.neg();
}
