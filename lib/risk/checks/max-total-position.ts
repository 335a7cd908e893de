import { parseDecimal } from "@/lib/execution/order-validation";
import { missingInput } from "@/lib/risk/checks/effective-limits";
import { isRejection, orderTerms, signedQuantity } from "@/lib/risk/order-terms";
import type { PreTradeCheck } from "@/lib/risk/pre-trade-context";
import { rejection } from "@/lib/risk/reason-codes";

/**
 * Gross exposure after the order, Σ|position x mark| of the other symbols + |resulting position| x price, must stay
 * within maxTotalPositionFraction x equity. An order that does not grow its own position is always allowed.
 */
export const maxTotalPositionCheck: PreTradeCheck = (ctx, intent) => {
  const configured = ctx.limits.maxTotalPositionFraction;
  if (configured === undefined) return null;
  const fraction = parseDecimal(configured);
  if (fraction === null) return rejection("MAX_TOTAL_POSITION", `limit ${configured} is not a number`);
  if (ctx.otherSymbolsExposure === undefined) return missingInput("total position", "other symbols' exposure");
  const terms = orderTerms(ctx, intent);
  if (isRejection(terms)) return terms;
  const held = ctx.positionQuantity;
  const resulting = held.add(signedQuantity(intent, terms.quantity));
  if (resulting.abs().lte(held.abs())) return null;
  const gross = ctx.otherSymbolsExposure.add(resulting.abs().mul(terms.price));
  const allowed = fraction.mul(ctx.equity);
  return gross.gt(allowed) ? rejection("MAX_TOTAL_POSITION", `${gross.toFixed()} > ${allowed.toFixed()}`) : null;
};
