import { bigint, bigserial, index, integer, jsonb, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { ts } from "./columns";
import { users } from "./users";

/**
 * Every alert raised (trading halted, kill switch, model accuracy drop, ...), deduplicated by key: a repeat within
 * the dedupe window bumps `repeats` instead of alerting again. Shown in the app as notifications.
 */
export const alerts = pgTable(
  "alerts",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    severity: text("severity").notNull(),
    code: text("code").notNull(),
    title: text("title").notNull(),
    message: text("message").notNull(),
    dedupeKey: text("dedupe_key").notNull(),
    detail: jsonb("detail"),
    repeats: integer("repeats").notNull().default(0),
    createdAt: ts("created_at").notNull().defaultNow(),
    lastSeenAt: ts("last_seen_at").notNull().defaultNow(),
  },
  (t) => [index("alerts_dedupe_idx").on(t.dedupeKey, t.createdAt), index("alerts_created_idx").on(t.createdAt)],
);

/** One alert's delivery to one channel (slack, webhook): queued here so an endpoint that is down loses nothing. */
export const alertDeliveries = pgTable(
  "alert_deliveries",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    alertId: bigint("alert_id", { mode: "number" }).notNull().references(() => alerts.id, { onDelete: "cascade" }),
    channel: text("channel").notNull(),
    status: text("status").notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: ts("next_attempt_at").notNull().defaultNow(),
    lastError: text("last_error"),
    deliveredAt: ts("delivered_at"),
  },
  (t) => [index("alert_deliveries_due_idx").on(t.status, t.nextAttemptAt)],
);

/** Which in-app notifications (alerts) a user has read. */
export const alertReads = pgTable(
  "alert_reads",
  {
    alertId: bigint("alert_id", { mode: "number" }).notNull().references(() => alerts.id, { onDelete: "cascade" }),
    userId: uuid("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    readAt: ts("read_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.alertId, t.userId] })],
);
