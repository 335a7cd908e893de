import { pgTable, primaryKey, text } from "drizzle-orm/pg-core";
import { money, ts } from "./columns";

export const accounts = pgTable("accounts", {
  id: text("id").primaryKey(),
  currency: text("currency").notNull(),
  initialCash: money("initial_cash").notNull(),
  cash: money("cash").notNull(),
  fees: money("fees").notNull().default("0"),
  updatedAt: ts("updated_at").notNull().defaultNow(),
});

export const positions = pgTable(
  "positions",
  {
    accountId: text("account_id").notNull().references(() => accounts.id),
    symbol: text("symbol").notNull(),
    quantity: money("quantity").notNull(),
    /** Signed entry notional of the open quantity; the average price is derived from it. */
    costBasis: money("cost_basis").notNull(),
    realizedPnl: money("realized_pnl").notNull(),
    updatedAt: ts("updated_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.symbol] })],
);

export const accountSnapshots = pgTable(
  "account_snapshots",
  {
    accountId: text("account_id").notNull().references(() => accounts.id),
    ts: ts("ts").notNull(),
    equity: money("equity").notNull(),
    cash: money("cash").notNull(),
    unrealizedPnl: money("unrealized_pnl").notNull(),
    realizedPnl: money("realized_pnl").notNull(),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.ts] })],
);
