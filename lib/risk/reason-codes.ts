/** Every reason the pre-trade gate can refuse an order for, with the message a trader sees. */
export const RISK_REASONS = {
  KILL_SWITCH_ACTIVE: "Trading is halted: only cancels are allowed until an admin re-arms it.",
  REDUCE_ONLY: "Risk is reducing: only orders that shrink an open position without reversing it are allowed.",
  SYMBOL_PAUSED: "New entries on this symbol are paused by a risk protection.",
  UNKNOWN_SYMBOL: "The symbol is not a tradable instrument.",
  SYMBOL_NOT_ALLOWED: "This symbol is not on the account's list of allowed symbols.",
  OUTSIDE_TRADING_SESSION: "Orders are only accepted inside the account's trading sessions (UTC).",
  INVALID_QUANTITY: "The quantity must be positive, at least the minimum and a multiple of the lot size.",
  INVALID_PRICE: "The limit or stop price must be positive and a multiple of the tick size.",
  NO_REFERENCE_PRICE: "There is no valid reference price for the symbol, so the order cannot be checked.",
  PRICE_COLLAR: "The limit or stop price is too far from the current market price.",
  MAX_ORDER_QUANTITY: "The order's quantity exceeds the maximum order quantity.",
  MAX_ORDER_NOTIONAL: "The order's value exceeds the maximum order notional.",
  DUPLICATE_ORDER: "The same order (symbol, side, quantity and price) was just sent: refused as a likely duplicate.",
  ORDER_RATE_LIMIT: "Too many orders from this account in the last minute.",
  STRATEGY_RATE_LIMIT: "Too many orders from this strategy or client in the last minute.",
  MAX_POSITION: "The resulting position would exceed the maximum fraction of equity.",
  MAX_TOTAL_POSITION: "The account's total exposure across all symbols would exceed the maximum fraction of equity.",
  MAX_OPEN_ORDERS_NOTIONAL: "The value of all open orders together would exceed the maximum.",
  INSUFFICIENT_BUYING_POWER: "Not enough buying power: free cash for a buy, equity margin for a short.",
  RISK_CHECK_ERROR: "A risk check failed to run, so the order was refused.",
  VENUE_NOT_RECONCILED: "The venue's orders and positions do not agree with ours yet: new orders wait until they do.",
  VENUE_UNAVAILABLE: "The venue cannot be reached or refuses our requests, so no order can be sent to it.",
} as const;

export type RiskReasonCode = keyof typeof RISK_REASONS;

export const RISK_REASON_CODES = Object.keys(RISK_REASONS) as RiskReasonCode[];

export interface RiskRejection {
  code: RiskReasonCode;
  message: string;
}

/** A rejection with the standard message, plus the specifics when there are any. */
export function rejection(code: RiskReasonCode, detail?: string): RiskRejection {
  return { code, message: detail === undefined ? RISK_REASONS[code] : `${RISK_REASONS[code]} (${detail})` };
}
