import { parseDecimal } from "@/lib/execution/order-validation";
import { referencePrice } from "@/lib/risk/order-terms";
import type { PreTradeCheck } from "@/lib/risk/pre-trade-context";
import { rejection } from "@/lib/risk/reason-codes";

/**
 * A LIMIT or STOP price must lie within reference * (1 ± priceCollarFraction): a fat finger or a stale client
 * price is refused. No usable reference refuses the order too (fail closed).
 */
export const priceCollarCheck: PreTradeCheck = (ctx, intent) => {
  const configured = ctx.limits.priceCollarFraction;
  if (intent.type === "MARKET" || configured === undefined) return null;
  const fraction = parseDecimal(configured);
  if (fraction === null) return rejection("PRICE_COLLAR", `collar ${configured} is not a number`);
  const reference = referencePrice(ctx);
  if (reference === null) return rejection("NO_REFERENCE_PRICE", `${intent.symbol}: ${String(ctx.referencePrice)}`);
  const price = parseDecimal(intent.price);
  if (price === null) return rejection("INVALID_PRICE", `price ${String(intent.price)}`);
  if (price.sub(reference).abs().lte(reference.mul(fraction))) return null;
  return rejection("PRICE_COLLAR", `${price.toFixed()} vs reference ${reference.toFixed()}, allowed ±${fraction.mul(100).toFixed()} %`);
};
