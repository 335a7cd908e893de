import { missingInput } from "@/lib/risk/checks/effective-limits";
import { strategyOf } from "@/lib/risk/order-window";
import type { PreTradeCheck } from "@/lib/risk/pre-trade-context";
import { rejection } from "@/lib/risk/reason-codes";

/** At most maxOrdersPerMinute orders accepted for the account in any rolling minute, this one included; an amend is no new order. */
export const accountOrderRateCheck: PreTradeCheck = (ctx) => {
  const limit = ctx.limits.maxOrdersPerMinute;
  if (limit === undefined || ctx.amending) return null;
  if (ctx.recentOrders === undefined || ctx.now === undefined) return missingInput("order rate", "order history");
  const sent = ctx.recentOrders.countLastMinute(ctx.now);
  return sent < limit ? null : rejection("ORDER_RATE_LIMIT", `${sent} in the last minute, limit ${limit}`);
};

/** At most maxOrdersPerMinutePerStrategy from one strategy (strategyId, else source) in any rolling minute. */
export const strategyOrderRateCheck: PreTradeCheck = (ctx, intent) => {
  const limit = ctx.limits.maxOrdersPerMinutePerStrategy;
  if (limit === undefined || ctx.amending) return null;
  if (ctx.recentOrders === undefined || ctx.now === undefined) return missingInput("strategy order rate", "order history");
  const strategy = strategyOf(intent);
  const sent = ctx.recentOrders.countLastMinuteFor(strategy, ctx.now);
  return sent < limit ? null : rejection("STRATEGY_RATE_LIMIT", `${strategy}: ${sent} in the last minute, limit ${limit}`);
};
