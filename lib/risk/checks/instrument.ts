import { instrumentGrid } from "@/lib/execution/instrument-grid";
import { isValidPrice, isValidQuantity, parseDecimal } from "@/lib/execution/order-validation";
import type { PreTradeCheck } from "@/lib/risk/pre-trade-context";
import { rejection } from "@/lib/risk/reason-codes";

/** The symbol must be a known instrument (and the context must describe that very instrument). */
export const instrumentCheck: PreTradeCheck = (ctx, intent) =>
  ctx.instrument === undefined || ctx.instrument.symbol !== intent.symbol ? rejection("UNKNOWN_SYMBOL", intent.symbol) : null;

/** Quantity positive, at least minQty (not asked of an amended order's remainder), on the lot grid. */
export const quantityCheck: PreTradeCheck = (ctx, intent) => {
  if (ctx.instrument === undefined) return rejection("UNKNOWN_SYMBOL", intent.symbol);
  const quantity = parseDecimal(intent.quantity);
  const onLot = quantity !== null && quantity.gt(0) && instrumentGrid(ctx.instrument).lot.contains(quantity);
  if (ctx.amending ? onLot : isValidQuantity(quantity, ctx.instrument)) return null;
  return rejection("INVALID_QUANTITY", `${intent.quantity}, lot ${ctx.instrument.lotSize}, min ${ctx.instrument.minQty}`);
};

/** LIMIT and STOP prices positive and on the tick grid; a MARKET order's price is ignored. */
export const priceCheck: PreTradeCheck = (ctx, intent) => {
  if (intent.type === "MARKET") return null;
  if (ctx.instrument === undefined) return rejection("UNKNOWN_SYMBOL", intent.symbol);
  if (isValidPrice(parseDecimal(intent.price), ctx.instrument)) return null;
  return rejection("INVALID_PRICE", `${String(intent.price)}, tick ${ctx.instrument.tickSize}`);
};
