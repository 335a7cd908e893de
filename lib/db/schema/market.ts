import { bigint, doublePrecision, index, integer, pgTable, primaryKey, text } from "drizzle-orm/pg-core";
import { money, ts } from "./columns";

export const ticks = pgTable(
  "ticks",
  {
    symbol: text("symbol").notNull(),
    ts: ts("ts").notNull(),
    seq: bigint("seq", { mode: "number" }).notNull(),
    price: money("price").notNull(),
    size: money("size").notNull(),
    side: text("side").notNull(),
  },
  (t) => [primaryKey({ columns: [t.symbol, t.ts, t.seq] }), index("ticks_ts_idx").on(t.ts)],
);

export const bars = pgTable(
  "bars",
  {
    symbol: text("symbol").notNull(),
    interval: text("interval").notNull(),
    openTime: ts("open_time").notNull(),
    open: doublePrecision("open").notNull(),
    high: doublePrecision("high").notNull(),
    low: doublePrecision("low").notNull(),
    close: doublePrecision("close").notNull(),
    volume: doublePrecision("volume").notNull(),
    trades: integer("trades").notNull(),
  },
  (t) => [primaryKey({ columns: [t.symbol, t.interval, t.openTime] }), index("bars_open_time_idx").on(t.openTime)],
);
