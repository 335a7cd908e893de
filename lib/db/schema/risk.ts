import { bigserial, index, jsonb, pgTable, text } from "drizzle-orm/pg-core";
import { ts } from "./columns";

export const riskState = pgTable("risk_state", {
  accountId: text("account_id").primaryKey(),
  state: text("state").notNull(),
  reason: text("reason"),
  updatedAt: ts("updated_at").notNull(),
});

export const riskEvents = pgTable(
  "risk_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    accountId: text("account_id").notNull(),
    ts: ts("ts").notNull(),
    code: text("code").notNull(),
    message: text("message").notNull(),
    detail: jsonb("detail"),
  },
  (t) => [index("risk_events_account_ts_idx").on(t.accountId, t.ts)],
);
