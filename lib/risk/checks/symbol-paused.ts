import type { Decimal } from "decimal.js";
import type { OrderIntent } from "@/lib/domain/order";
import { parseDecimal } from "@/lib/execution/order-validation";
import type { PreTradeContext } from "@/lib/risk/pre-trade-context";
import { rejection, type RiskRejection } from "@/lib/risk/reason-codes";

/** True when the order can only shrink the open position, never open, grow or reverse it. */
function onlyReduces(held: Decimal, intent: OrderIntent): boolean {
  const quantity = parseDecimal(intent.quantity);
  const opposite = intent.side === "BUY" ? held.isNegative() : held.isPositive();
  return opposite && quantity !== null && quantity.gt(0) && quantity.lte(held.abs());
}

/** A protection paused the symbol (or the account): new entries are refused until then, exits still go through. */
export function symbolPausedCheck(ctx: PreTradeContext, intent: OrderIntent): RiskRejection | null {
  if (ctx.pausedUntil === undefined) return null;
  const until = ctx.pausedUntil(intent.symbol);
  if (until === null || until <= (ctx.now ?? Date.now())) return null;
  if (onlyReduces(ctx.positionQuantity, intent)) return null;
  return rejection("SYMBOL_PAUSED", `${intent.symbol} until ${new Date(until).toISOString()}`);
}
