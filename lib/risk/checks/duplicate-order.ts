import { missingInput } from "@/lib/risk/checks/effective-limits";
import type { PreTradeCheck } from "@/lib/risk/pre-trade-context";
import { rejection } from "@/lib/risk/reason-codes";

/**
 * The same account, symbol, side, quantity and price accepted within duplicateWindowMs is refused, whatever its
 * client order id: a double click or a client retrying under a new id. A window of 0 turns the check off.
 * Strategy orders are left out: each is keyed to its bar (one client order id per bar), so two equal orders are
 * two bars' decisions, which on 1s bars or a fast replay come within the window; the strategy rate limit bounds them.
 */
export const duplicateOrderCheck: PreTradeCheck = (ctx, intent) => {
  const windowMs = ctx.limits.duplicateWindowMs;
  if (windowMs === undefined || windowMs <= 0 || intent.source === "strategy" || ctx.amending) return null;
  if (ctx.recentOrders === undefined || ctx.now === undefined) return missingInput("duplicate orders", "order history");
  if (!ctx.recentOrders.isDuplicate(intent, ctx.now, windowMs)) return null;
  return rejection("DUPLICATE_ORDER", `${intent.side} ${intent.quantity} ${intent.symbol} @ ${intent.price ?? "market"} within ${windowMs} ms`);
};
