import type { InferSelectModel } from "drizzle-orm";
import type { Bar, BarInterval } from "@/lib/domain/market-data";
import { dec } from "@/lib/domain/money";
import type { Fill, Order, OrderSide, OrderSource, OrderStatus, OrderType, TimeInForce } from "@/lib/domain/order";
import type { bars, fills, orders } from "./schema";

/** numeric(38,18) comes back padded with zeros; the API shows the plain value. */
export const plain = (value: string): string => dec(value).toFixed();
const plainOrNull = (value: string | null): string | null => (value === null ? null : plain(value));

export function orderFromRow(row: InferSelectModel<typeof orders>): Order {
  return {
    id: row.id,
    clientOrderId: row.clientOrderId,
    accountId: row.accountId,
    symbol: row.symbol,
    side: row.side as OrderSide,
    type: row.type as OrderType,
    timeInForce: row.timeInForce as TimeInForce,
    quantity: plain(row.quantity),
    price: row.price === null ? undefined : plain(row.price),
    status: row.status as OrderStatus,
    filledQuantity: plain(row.filledQuantity),
    averageFillPrice: plainOrNull(row.averageFillPrice),
    rejectReason: row.rejectReason,
    venue: row.venue,
    source: row.source as OrderSource,
    createdAt: row.createdAt.getTime(),
    updatedAt: row.updatedAt.getTime(),
  };
}

export function orderToRow(order: Order): InferSelectModel<typeof orders> {
  return {
    id: order.id,
    clientOrderId: order.clientOrderId,
    accountId: order.accountId,
    symbol: order.symbol,
    side: order.side,
    type: order.type,
    timeInForce: order.timeInForce,
    quantity: order.quantity,
    price: order.price ?? null,
    status: order.status,
    filledQuantity: order.filledQuantity,
    averageFillPrice: order.averageFillPrice,
    rejectReason: order.rejectReason,
    venue: order.venue,
    source: order.source,
    createdAt: new Date(order.createdAt),
    updatedAt: new Date(order.updatedAt),
  };
}

export function fillFromRow(row: InferSelectModel<typeof fills>): Fill {
  return {
    id: row.id,
    orderId: row.orderId,
    clientOrderId: row.clientOrderId,
    accountId: row.accountId,
    symbol: row.symbol,
    side: row.side as OrderSide,
    quantity: plain(row.quantity),
    price: plain(row.price),
    fee: plain(row.fee),
    liquidity: row.liquidity as Fill["liquidity"],
    ts: row.ts.getTime(),
  };
}

export function fillToRow(fill: Fill): InferSelectModel<typeof fills> {
  return { ...fill, ts: new Date(fill.ts) };
}

export function barFromRow(row: InferSelectModel<typeof bars>): Bar {
  return {
    symbol: row.symbol,
    interval: row.interval as BarInterval,
    openTime: row.openTime.getTime(),
    open: row.open,
    high: row.high,
    low: row.low,
    close: row.close,
    volume: row.volume,
    trades: row.trades,
    closed: true,
  };
}

export function barToRow(bar: Bar): InferSelectModel<typeof bars> {
  return {
    symbol: bar.symbol,
    interval: bar.interval,
    openTime: new Date(bar.openTime),
    open: bar.open,
    high: bar.high,
    low: bar.low,
    close: bar.close,
    volume: bar.volume,
    trades: bar.trades,
  };
}
