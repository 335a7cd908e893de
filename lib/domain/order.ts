export type OrderSide = "BUY" | "SELL";
export type OrderType = "MARKET" | "LIMIT" | "STOP";
export type TimeInForce = "GTC" | "IOC";

export const ORDER_STATUSES = [
  "NEW",
  "ACCEPTED",
  "PARTIALLY_FILLED",
  "FILLED",
  "CANCELED",
  "REJECTED",
  "UNKNOWN",
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export const OPEN_STATUSES: readonly OrderStatus[] = ["NEW", "ACCEPTED", "PARTIALLY_FILLED", "UNKNOWN"];

/** "venue": placed outside the platform (or a reconciliation adjustment) and adopted from the venue's records. */
export type OrderSource = "dashboard" | "api" | "strategy" | "backtest" | "venue";

/** What a trader or strategy wants, before risk checks. Prices and quantities are decimal strings. */
export interface OrderIntent {
  clientOrderId: string;
  accountId: string;
  symbol: string;
  side: OrderSide;
  type: OrderType;
  quantity: string;
  /** Limit price (LIMIT) or trigger price (STOP). */
  price?: string;
  timeInForce: TimeInForce;
  source: OrderSource;
  /** Who sent it, for the per-strategy order rate; absent = the source alone. */
  strategyId?: string;
}

export interface Order extends OrderIntent {
  id: string;
  status: OrderStatus;
  filledQuantity: string;
  averageFillPrice: string | null;
  rejectReason: string | null;
  venue: string;
  createdAt: number;
  updatedAt: number;
}

export interface Fill {
  id: string;
  orderId: string;
  clientOrderId: string;
  accountId: string;
  symbol: string;
  side: OrderSide;
  quantity: string;
  price: string;
  fee: string;
  liquidity: "MAKER" | "TAKER";
  ts: number;
}
