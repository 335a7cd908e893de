/** Every reason the pre-trade gate can refuse an order for, with the message a trader sees. */
export const RISK_REASONS = {
  KILL_SWITCH_ACTIVE: "Trading is halted: only cancels are allowed until an admin re-arms it.",
  UNKNOWN_SYMBOL: "The symbol is not a tradable instrument.",
  INVALID_QUANTITY: "The quantity must be positive, at least the minimum and a multiple of the lot size.",
  INVALID_PRICE: "The limit or stop price must be positive and a multiple of the tick size.",
  NO_REFERENCE_PRICE: "There is no valid reference price for the symbol, so the order cannot be checked.",
  REDUCE_ONLY: "Risk is reducing: only orders that shrink an open position without reversing it are allowed.",
  MAX_ORDER_NOTIONAL: "The order's value exceeds the maximum order notional.",
  MAX_POSITION: "The resulting position would exceed the maximum fraction of equity.",
  RISK_CHECK_ERROR: "A risk check failed to run, so the order was refused.",
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
