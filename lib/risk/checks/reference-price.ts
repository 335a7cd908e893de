import { isUsablePrice } from "@/lib/risk/order-terms";
import type { PreTradeCheck } from "@/lib/risk/pre-trade-context";
import { rejection } from "@/lib/risk/reason-codes";

/** Fails closed for every order type: no, zero, negative, NaN or infinite reference price refuses the order. */
export const referencePriceCheck: PreTradeCheck = (ctx, intent) =>
  isUsablePrice(ctx.referencePrice) ? null : rejection("NO_REFERENCE_PRICE", `${intent.symbol}: ${String(ctx.referencePrice)}`);
