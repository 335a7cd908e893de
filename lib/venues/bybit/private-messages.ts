import { z } from "zod";
import type { Instrument } from "@/lib/domain/instrument";
import type { OrderSide } from "@/lib/domain/order";
import type { VenueExecution, VenueOrder, VenuePosition } from "@/lib/execution/live-venue";

/**
 * Bybit v5 order, execution, position and instrument rows (REST lists and private-stream `data` share the
 * shapes) turned into the platform's venue types. Decimals are validated and passed on as the same strings.
 */

const decimal = z.string().regex(/^\d+(\.\d+)?$/, "a plain non-negative decimal");
/** Bybit sends "" or "0" where a price does not apply yet. */
const optionalDecimal = z.union([decimal, z.literal("")]);
const msTime = z.union([z.string().regex(/^\d+$/), z.number().int().nonnegative()]).transform(Number);
const side = z.enum(["Buy", "Sell"]).transform((s): OrderSide => (s === "Buy" ? "BUY" : "SELL"));

const ORDER_STATUS = {
  New: "ACCEPTED",
  Untriggered: "ACCEPTED",
  Triggered: "ACCEPTED",
  PartiallyFilled: "PARTIALLY_FILLED",
  Filled: "FILLED",
  Cancelled: "CANCELED",
  PartiallyFilledCanceled: "CANCELED",
  Deactivated: "CANCELED",
  Rejected: "REJECTED",
} as const satisfies Record<string, VenueOrder["status"]>;

/** Execution types that move a position; funding and settlement rows are not fills. */
const FILL_EXEC_TYPES = new Set(["Trade", "AdlTrade", "BustTrade", "BlockTrade", "Delivery", "MovePosition"]);

export const bybitOrderRow = z.object({
  category: z.string().optional(),
  orderId: z.string().min(1),
  orderLinkId: z.string().default(""),
  symbol: z.string().min(1),
  side,
  orderType: z.enum(["Market", "Limit"]),
  price: optionalDecimal,
  qty: decimal,
  orderStatus: z.enum(Object.keys(ORDER_STATUS) as [keyof typeof ORDER_STATUS, ...(keyof typeof ORDER_STATUS)[]]),
  cumExecQty: decimal,
  avgPrice: optionalDecimal.default(""),
  rejectReason: z.string().default(""),
  updatedTime: msTime,
});

export const bybitExecutionRow = z.object({
  category: z.string().optional(),
  execId: z.string().min(1),
  orderId: z.string().min(1),
  orderLinkId: z.string().default(""),
  symbol: z.string().min(1),
  side,
  execQty: decimal,
  execPrice: decimal,
  execFee: z.string().regex(/^-?\d+(\.\d+)?$/),
  isMaker: z.boolean(),
  execTime: msTime,
  execType: z.string().default("Trade"),
});

export const bybitPositionRow = z.object({
  category: z.string().optional(),
  symbol: z.string().min(1),
  side: z.enum(["Buy", "Sell", "", "None"]),
  size: decimal,
  avgPrice: optionalDecimal.optional(),
  entryPrice: optionalDecimal.optional(),
});

export const bybitInstrumentRow = z.object({
  symbol: z.string().min(1),
  baseCoin: z.string().min(1),
  quoteCoin: z.string().min(1),
  priceFilter: z.object({ tickSize: decimal }),
  lotSizeFilter: z.object({ qtyStep: decimal, minOrderQty: decimal }),
});

const isZero = (value: string) => /^0*(\.0*)?$/.test(value);
const priceOrNull = (value: string | undefined) => (value === undefined || value === "" || isZero(value) ? null : value);
const isLinear = (row: { category?: string }) => row.category === undefined || row.category === "linear";

/** A row of another category (spot, option) is not ours: null. Throws on a malformed linear row. */
export function parseOrder(row: unknown): VenueOrder | null {
  const o = bybitOrderRow.parse(row);
  if (!isLinear(o)) return null;
  return {
    venueOrderId: o.orderId,
    clientOrderId: o.orderLinkId === "" ? null : o.orderLinkId,
    symbol: o.symbol,
    side: o.side,
    type: o.orderType === "Market" ? "MARKET" : "LIMIT",
    quantity: o.qty,
    price: o.orderType === "Limit" ? priceOrNull(o.price) : null,
    status: ORDER_STATUS[o.orderStatus],
    filledQuantity: o.cumExecQty,
    averageFillPrice: priceOrNull(o.avgPrice),
    rejectReason: o.rejectReason === "" || o.rejectReason === "EC_NoError" ? null : o.rejectReason,
    updatedAt: o.updatedTime,
  };
}

/** Null for rows that are not fills (funding, settlement) or not linear. */
export function parseExecution(row: unknown): VenueExecution | null {
  const e = bybitExecutionRow.parse(row);
  if (!isLinear(e) || !FILL_EXEC_TYPES.has(e.execType)) return null;
  return {
    execId: e.execId,
    venueOrderId: e.orderId,
    clientOrderId: e.orderLinkId === "" ? null : e.orderLinkId,
    symbol: e.symbol,
    side: e.side,
    quantity: e.execQty,
    price: e.execPrice,
    fee: e.execFee,
    liquidity: e.isMaker ? "MAKER" : "TAKER",
    ts: e.execTime,
  };
}

/** Net position, short as a negative quantity; a flat position is "0" with no average price. */
export function parsePosition(row: unknown): VenuePosition | null {
  const p = bybitPositionRow.parse(row);
  if (!isLinear(p)) return null;
  if (isZero(p.size) || p.side === "" || p.side === "None") return { symbol: p.symbol, quantity: "0", averagePrice: null };
  return {
    symbol: p.symbol,
    quantity: p.side === "Sell" ? `-${p.size}` : p.size,
    averagePrice: priceOrNull(p.avgPrice ?? p.entryPrice),
  };
}

export function parseInstrument(row: unknown): Instrument {
  const i = bybitInstrumentRow.parse(row);
  return {
    symbol: i.symbol,
    baseAsset: i.baseCoin,
    quoteAsset: i.quoteCoin,
    tickSize: i.priceFilter.tickSize,
    lotSize: i.lotSizeFilter.qtyStep,
    minQty: i.lotSizeFilter.minOrderQty,
    venue: "bybit",
  };
}
