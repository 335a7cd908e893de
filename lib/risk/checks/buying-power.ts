import type { Decimal } from "decimal.js";
import { ZERO } from "@/lib/domain/money";
import { missingInput } from "@/lib/risk/checks/effective-limits";
import { isRejection, orderTerms } from "@/lib/risk/order-terms";
import type { PreTradeCheck } from "@/lib/risk/pre-trade-context";
import { rejection } from "@/lib/risk/reason-codes";

/** The part of an order that opens or extends exposure; the rest closes the opposite position. */
export function openingQuantity(side: "BUY" | "SELL", quantity: Decimal, held: Decimal): Decimal {
  const closable = side === "BUY" ? (held.isNegative() ? held.neg() : ZERO) : (held.isPositive() ? held : ZERO);
  return quantity.gt(closable) ? quantity.sub(closable) : ZERO;
}

/**
 * The paper account is spot-like with 1x margin for shorts. A BUY pays for what it opens (the part beyond covering a
 * short) from free cash: cash minus the value reserved by open BUY orders. A SELL that opens or extends a short may
 * leave a short worth at most the free equity, equity minus the open BUY orders' value (at the order's price).
 * Closing is always covered.
 */
export const buyingPowerCheck: PreTradeCheck = (ctx, intent) => {
  if (ctx.cash === undefined || ctx.openOrders === undefined) return missingInput("buying power", "cash or open orders");
  const terms = orderTerms(ctx, intent);
  if (isRejection(terms)) return terms;
  const held = ctx.positionQuantity;
  const opening = openingQuantity(intent.side, terms.quantity, held);
  if (opening.isZero()) return null;
  if (intent.side === "BUY") {
    const cost = opening.mul(terms.price);
    const free = ctx.cash.sub(ctx.openOrders.buys);
    return cost.gt(free) ? rejection("INSUFFICIENT_BUYING_POWER", `needs ${cost.toFixed()}, free cash ${free.toFixed()}`) : null;
  }
  const short = held.sub(terms.quantity).abs().mul(terms.price);
  const margin = ctx.equity.sub(ctx.openOrders.buys);
  return short.gt(margin) ? rejection("INSUFFICIENT_BUYING_POWER", `short of ${short.toFixed()}, free equity ${margin.toFixed()}`) : null;
};
