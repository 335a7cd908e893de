import { parseDecimal } from "@/lib/execution/order-validation";
import { maxOrderNotionalFor } from "@/lib/risk/checks/effective-limits";
import { isRejection, orderTerms } from "@/lib/risk/order-terms";
import type { PreTradeCheck } from "@/lib/risk/pre-trade-context";
import { rejection } from "@/lib/risk/reason-codes";

/**
 * quantity * price <= maxOrderNotional (or the symbol's override), the price being the limit/stop price or, for
 * MARKET, the reference.
 */
export const maxOrderNotionalCheck: PreTradeCheck = (ctx, intent) => {
  const limit = parseDecimal(maxOrderNotionalFor(ctx.limits, intent.symbol));
  if (limit === null) return rejection("MAX_ORDER_NOTIONAL", "limit not configured");
  const terms = orderTerms(ctx, intent);
  if (isRejection(terms)) return terms;
  const notional = terms.quantity.mul(terms.price);
  return notional.gt(limit) ? rejection("MAX_ORDER_NOTIONAL", `${notional.toFixed()} > ${limit.toFixed()}`) : null;
};
