import Decimal from "decimal.js";
import type { OrderSide } from "@/lib/domain/order";
import { floorToStep, Money, ZERO } from "@/lib/domain/money";
import { parseDecimal } from "@/lib/execution/order-validation";
import { maxOrderNotionalFor, maxOrderQuantityFor, maxPositionFractionFor } from "@/lib/risk/checks/effective-limits";
import type { PreTradeContext } from "@/lib/risk/pre-trade-context";

/** Caps divide rounding down, so a cap is never a hair above what the check allows. */
const Down = Money.clone({ rounding: Decimal.ROUND_DOWN });

/**
 * Largest order quantity on `side` that keeps |position| within `cap` (a quantity), or does not grow |position|:
 * with h the position signed along the side, max(cap - h, 2|h| when h is opposite).
 */
function quantityWithinPositionCap(side: OrderSide, held: Decimal, cap: Decimal): Decimal {
  const along = side === "BUY" ? held : held.neg();
  const noGrowth = along.isNegative() ? along.neg().mul(2) : ZERO;
  return Money.max(cap.sub(along), noGrowth);
}

/**
 * A sized quantity clipped so the order passes the size checks at `price` (the limit/stop price, or for MARKET the
 * reference on the tick grid): max order quantity and notional, max position and max total position (those set,
 * per-symbol overrides included), then rounded down to the lot size; 0 when below the instrument's minimum.
 */
export function clipToLimits(ctx: PreTradeContext, side: OrderSide, quantity: Decimal, price: Decimal): Decimal {
  const { instrument, limits } = ctx;
  if (instrument === undefined || !price.gt(0) || !quantity.gt(0)) return ZERO;
  const symbol = instrument.symbol;
  const caps: Decimal[] = [quantity];
  const maxQuantity = parseDecimal(maxOrderQuantityFor(limits, symbol));
  if (maxQuantity !== null) caps.push(maxQuantity);
  const maxNotional = parseDecimal(maxOrderNotionalFor(limits, symbol));
  if (maxNotional !== null) caps.push(new Down(maxNotional).div(price));
  const positionFraction = parseDecimal(maxPositionFractionFor(limits, symbol));
  if (positionFraction !== null) caps.push(quantityWithinPositionCap(side, ctx.positionQuantity, new Down(positionFraction.mul(ctx.equity)).div(price)));
  const totalFraction = parseDecimal(limits.maxTotalPositionFraction);
  if (totalFraction !== null && ctx.otherSymbolsExposure !== undefined) {
    const room = totalFraction.mul(ctx.equity).sub(ctx.otherSymbolsExposure);
    caps.push(quantityWithinPositionCap(side, ctx.positionQuantity, new Down(room).div(price)));
  }
  const clipped = floorToStep(Money.min(...caps), instrument.lotSize);
  return clipped.gte(instrument.minQty) && clipped.gt(0) ? clipped : ZERO;
}
