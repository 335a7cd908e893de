import { bigserial, index, jsonb, pgTable, text } from "drizzle-orm/pg-core";
import type { RiskLimits } from "@/lib/domain/account";
import { ts } from "./columns";

export const riskState = pgTable("risk_state", {
  accountId: text("account_id").primaryKey(),
  state: text("state").notNull(),
  reason: text("reason"),
  updatedAt: ts("updated_at").notNull(),
  /** The real-time loop's equity baselines (start of day, loss baseline, peak), kept across restarts. */
  equityMarks: jsonb("equity_marks"),
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

/** The limits an admin stored for an account, over the config defaults; every change is audited. */
export const riskLimits = pgTable("risk_limits", {
  accountId: text("account_id").primaryKey(),
  limits: jsonb("limits").$type<RiskLimits>().notNull(),
  updatedBy: text("updated_by").notNull(),
  updatedAt: ts("updated_at").notNull(),
});

/** A protection's pause of one symbol (or of every symbol when symbol is null) until a time; kept across restarts. */
export const riskPauses = pgTable(
  "risk_pauses",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    accountId: text("account_id").notNull(),
    symbol: text("symbol"),
    code: text("code").notNull(),
    reason: text("reason").notNull(),
    createdAt: ts("created_at").notNull().defaultNow(),
    until: ts("until").notNull(),
  },
  (t) => [index("risk_pauses_account_until_idx").on(t.accountId, t.until)],
);
