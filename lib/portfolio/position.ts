import type { Decimal } from "decimal.js";
import type { OrderSide } from "@/lib/domain/order";
import { ZERO } from "@/lib/domain/money";

/**
 * The cost basis is kept instead of the average price: the average is a division and would not be exact,
 * while cash, realized P&L and cost basis are kept so that cash + Σ cost basis == initial + realized - fees
 * holds exactly after every fill.
 */
export interface Position {
  readonly symbol: string;
  /** Signed: negative is short. */
  readonly quantity: Decimal;
  /** Signed entry notional of the open quantity (quantity * average price). */
  readonly costBasis: Decimal;
  readonly realizedPnl: Decimal;
  readonly updatedAt: number;
}

// A partial close splits the cost basis pro rata; rounding it keeps every later sum inside 40 digits, exact.
const COST_BASIS_PLACES = 20;
const AVERAGE_PRICE_PLACES = 12;

export function emptyPosition(symbol: string): Position {
  return { symbol, quantity: ZERO, costBasis: ZERO, realizedPnl: ZERO, updatedAt: 0 };
}

/** Adds to, reduces, closes or flips the position; a flip realizes the closed part and opens the rest at price. */
export function applyTrade(position: Position, side: OrderSide, qty: Decimal, price: Decimal, ts: number): Position {
  const signed = side === "BUY" ? qty : qty.neg();
  const held = position.quantity;
  const quantity = held.add(signed);
  if (held.isZero() || held.isPositive() === signed.isPositive()) {
    return { ...position, quantity, costBasis: position.costBasis.add(signed.mul(price)), updatedAt: ts };
  }
  const closing = qty.lt(held.abs()) ? qty : held.abs();
  const remainingCost = closing.eq(held.abs())
    ? ZERO
    : position.costBasis.mul(held.abs().sub(closing)).div(held.abs()).toDecimalPlaces(COST_BASIS_PLACES);
  const released = position.costBasis.sub(remainingCost);
  const proceeds = (side === "SELL" ? closing : closing.neg()).mul(price);
  const flipped = qty.gt(held.abs());
  return {
    ...position,
    quantity,
    costBasis: flipped ? quantity.mul(price) : remainingCost,
    realizedPnl: position.realizedPnl.add(proceeds.sub(released)),
    updatedAt: ts,
  };
}

export function averagePrice(position: Position): Decimal {
  if (position.quantity.isZero()) return ZERO;
  return position.costBasis.div(position.quantity).toDecimalPlaces(AVERAGE_PRICE_PLACES);
}

/** Without a mark the position is valued at its average price, exactly: its cost basis. */
export function marketValue(position: Position, mark: Decimal | null): Decimal {
  return mark === null ? position.costBasis : position.quantity.mul(mark);
}

export function unrealizedPnl(position: Position, mark: Decimal | null): Decimal {
  return marketValue(position, mark).sub(position.costBasis);
}
