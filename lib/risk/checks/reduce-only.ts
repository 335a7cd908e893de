import { parseDecimal } from "@/lib/execution/order-validation";
import type { PreTradeCheck } from "@/lib/risk/pre-trade-context";
import { rejection } from "@/lib/risk/reason-codes";

/** In REDUCING, an order must trade against the open position and be no larger than it (no reversal). */
export const reduceOnlyCheck: PreTradeCheck = (ctx, intent) => {
  if (ctx.state !== "REDUCING") return null;
  const held = ctx.positionQuantity;
  const quantity = parseDecimal(intent.quantity);
  const opposite = intent.side === "BUY" ? held.isNegative() : held.isPositive();
  if (held.isZero() || !opposite) return rejection("REDUCE_ONLY", `position ${held.toFixed()}, ${intent.side}`);
  if (quantity === null || quantity.gt(held.abs())) {
    return rejection("REDUCE_ONLY", `quantity ${intent.quantity} exceeds position ${held.abs().toFixed()}`);
  }
  return null;
};
