import { bigserial, index, jsonb, pgTable, text } from "drizzle-orm/pg-core";
import { money, ts } from "./columns";

export const signals = pgTable(
  "signals",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    symbol: text("symbol").notNull(),
    ts: ts("ts").notNull(),
    source: text("source").notNull(),
    direction: text("direction").notNull(),
    confidence: money("confidence"),
    detail: jsonb("detail"),
  },
  (t) => [index("signals_symbol_ts_idx").on(t.symbol, t.ts)],
);
