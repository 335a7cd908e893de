import { parseDecimal } from "@/lib/execution/order-validation";
import { missingInput } from "@/lib/risk/checks/effective-limits";
import { isRejection, orderTerms } from "@/lib/risk/order-terms";
import type { PreTradeCheck } from "@/lib/risk/pre-trade-context";
import { rejection } from "@/lib/risk/reason-codes";

/** Remaining value of the open orders + this order's value <= maxOpenOrdersNotional. */
export const maxOpenOrdersNotionalCheck: PreTradeCheck = (ctx, intent) => {
  const configured = ctx.limits.maxOpenOrdersNotional;
  if (configured === undefined) return null;
  const limit = parseDecimal(configured);
  if (limit === null) return rejection("MAX_OPEN_ORDERS_NOTIONAL", `limit ${configured} is not a number`);
  if (ctx.openOrders === undefined) return missingInput("open orders' value", "open orders");
  const terms = orderTerms(ctx, intent);
  if (isRejection(terms)) return terms;
  const total = ctx.openOrders.total.add(terms.quantity.mul(terms.price));
  return total.gt(limit) ? rejection("MAX_OPEN_ORDERS_NOTIONAL", `${total.toFixed()} > ${limit.toFixed()}`) : null;
};
