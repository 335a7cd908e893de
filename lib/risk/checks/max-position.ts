import { parseDecimal } from "@/lib/execution/order-validation";
import { maxPositionFractionFor } from "@/lib/risk/checks/effective-limits";
import { isRejection, orderTerms, signedQuantity } from "@/lib/risk/order-terms";
import type { PreTradeCheck } from "@/lib/risk/pre-trade-context";
import { rejection } from "@/lib/risk/reason-codes";

/**
 * |resulting position| * price <= maxPositionFraction (or the symbol's override) * equity. An order that leaves the
 * position no larger (in absolute size) is always allowed here, so a breached account can still get out.
 */
export const maxPositionCheck: PreTradeCheck = (ctx, intent) => {
  const fraction = parseDecimal(maxPositionFractionFor(ctx.limits, intent.symbol));
  if (fraction === null) return rejection("MAX_POSITION", "limit not configured");
  const terms = orderTerms(ctx, intent);
  if (isRejection(terms)) return terms;
  const held = ctx.positionQuantity;
  const resulting = held.add(signedQuantity(intent, terms.quantity));
  if (resulting.abs().lte(held.abs())) return null;
  const exposure = resulting.abs().mul(terms.price);
  const allowed = fraction.mul(ctx.equity);
  return exposure.gt(allowed) ? rejection("MAX_POSITION", `${exposure.toFixed()} > ${allowed.toFixed()}`) : null;
};
