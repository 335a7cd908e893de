import { bigserial, index, jsonb, pgTable, text } from "drizzle-orm/pg-core";
import { ts } from "./columns";

/** Append-only record of everything a trader or the system does to an account. */
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    ts: ts("ts").notNull().defaultNow(),
    actor: text("actor").notNull(),
    action: text("action").notNull(),
    target: text("target"),
    details: jsonb("details"),
  },
  (t) => [index("audit_log_ts_idx").on(t.ts), index("audit_log_action_idx").on(t.action)],
);
