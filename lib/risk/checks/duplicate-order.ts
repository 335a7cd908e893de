import { missingInput } from "@/lib/risk/checks/effective-limits";
import type { PreTradeCheck } from "@/lib/risk/pre-trade-context";
import { rejection } from "@/lib/risk/reason-codes";

/**
 * The same account, symbol, side, quantity and price accepted within duplicateWindowMs is refused, whatever its
 * client order id. A window of 0 turns the check off.
 */
export const duplicateOrderCheck: PreTradeCheck = (ctx, intent) => {
  const windowMs = ctx.limits.duplicateWindowMs;
  if (windowMs === undefined || windowMs <= 0) return null;
  if (ctx.recentOrders === undefined || ctx.now === undefined) return missingInput("duplicate orders", "order history");
  if (!ctx.recentOrders.isDuplicate(intent, ctx.now, windowMs)) return null;
  return rejection("DUPLICATE_ORDER", `${intent.side} ${intent.quantity} ${intent.symbol} @ ${intent.price ?? "market"} within ${windowMs} ms`);
};
