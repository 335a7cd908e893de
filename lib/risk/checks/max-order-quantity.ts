import { parseDecimal } from "@/lib/execution/order-validation";
import { maxOrderQuantityFor } from "@/lib/risk/checks/effective-limits";
import type { PreTradeCheck } from "@/lib/risk/pre-trade-context";
import { rejection } from "@/lib/risk/reason-codes";

/** quantity <= maxOrderQuantity, or the symbol's override; off when neither is set. */
export const maxOrderQuantityCheck: PreTradeCheck = (ctx, intent) => {
  const configured = maxOrderQuantityFor(ctx.limits, intent.symbol);
  if (configured === undefined) return null;
  const limit = parseDecimal(configured);
  if (limit === null) return rejection("MAX_ORDER_QUANTITY", `limit ${configured} is not a number`);
  const quantity = parseDecimal(intent.quantity);
  if (quantity === null) return rejection("INVALID_QUANTITY", `quantity ${intent.quantity}`);
  return quantity.gt(limit) ? rejection("MAX_ORDER_QUANTITY", `${quantity.toFixed()} > ${limit.toFixed()}`) : null;
};
