import { pgTable, text } from "drizzle-orm/pg-core";
import { money, ts } from "./columns";

export const instruments = pgTable("instruments", {
  symbol: text("symbol").primaryKey(),
  baseAsset: text("base_asset").notNull(),
  quoteAsset: text("quote_asset").notNull(),
  tickSize: money("tick_size").notNull(),
  lotSize: money("lot_size").notNull(),
  minQty: money("min_qty").notNull(),
  venue: text("venue").notNull().default("paper"),
  createdAt: ts("created_at").notNull().defaultNow(),
});
