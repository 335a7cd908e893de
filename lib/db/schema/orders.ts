import { bigserial, index, jsonb, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { money, ts } from "./columns";

export const orders = pgTable(
  "orders",
  {
    id: uuid("id").primaryKey(),
    clientOrderId: text("client_order_id").notNull(),
    accountId: text("account_id").notNull(),
    symbol: text("symbol").notNull(),
    side: text("side").notNull(),
    type: text("type").notNull(),
    timeInForce: text("time_in_force").notNull(),
    quantity: money("quantity").notNull(),
    price: money("price"),
    status: text("status").notNull(),
    filledQuantity: money("filled_quantity").notNull().default("0"),
    averageFillPrice: money("average_fill_price"),
    rejectReason: text("reject_reason"),
    venue: text("venue").notNull(),
    source: text("source").notNull(),
    createdAt: ts("created_at").notNull(),
    updatedAt: ts("updated_at").notNull(),
  },
  (t) => [
    uniqueIndex("orders_account_client_order_id_uq").on(t.accountId, t.clientOrderId),
    index("orders_account_status_idx").on(t.accountId, t.status),
    index("orders_created_at_idx").on(t.createdAt),
  ],
);

export const orderEvents = pgTable(
  "order_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    orderId: uuid("order_id").notNull().references(() => orders.id),
    event: text("event").notNull(),
    status: text("status").notNull(),
    detail: jsonb("detail"),
    ts: ts("ts").notNull(),
  },
  (t) => [index("order_events_order_idx").on(t.orderId)],
);

export const fills = pgTable(
  "fills",
  {
    id: text("id").primaryKey(),
    orderId: uuid("order_id").notNull().references(() => orders.id),
    clientOrderId: text("client_order_id").notNull(),
    accountId: text("account_id").notNull(),
    symbol: text("symbol").notNull(),
    side: text("side").notNull(),
    quantity: money("quantity").notNull(),
    price: money("price").notNull(),
    fee: money("fee").notNull(),
    liquidity: text("liquidity").notNull(),
    ts: ts("ts").notNull(),
  },
  (t) => [index("fills_account_ts_idx").on(t.accountId, t.ts), index("fills_symbol_ts_idx").on(t.symbol, t.ts)],
);
