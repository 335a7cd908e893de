import { sql } from "drizzle-orm";
import { bigint, index, integer, jsonb, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { ts } from "./columns";
import { jobRunColumns } from "./job-run-columns";
import { users } from "./users";

/**
 * An uploaded recording, parsed once. The rows are stored column-wise in one jsonb value (openTime[], open[], ...)
 * so 100k bars load as one value instead of 100k rows.
 */
export const backtestDatasets = pgTable(
  "backtest_datasets",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    format: text("format").notNull(),
    symbol: text("symbol").notNull(),
    kind: text("kind").notNull(),
    rowCount: integer("row_count").notNull(),
    firstTime: ts("first_time").notNull(),
    lastTime: ts("last_time").notNull(),
    /** Bar length for bar recordings; null for trades. */
    intervalMs: bigint("interval_ms", { mode: "number" }),
    data: jsonb("data").notNull(),
    createdBy: uuid("created_by").notNull().references(() => users.id),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (t) => [index("backtest_datasets_created_by_idx").on(t.createdBy, t.createdAt)],
);

/** One backtest or optimisation: the request, its progress while a job runs it, and the stored result. */
export const backtestRuns = pgTable(
  "backtest_runs",
  {
    ...jobRunColumns(),
    kind: text("kind").notNull(),
    name: text("name").notNull(),
  },
  (t) => [
    index("backtest_runs_created_by_idx").on(t.createdBy, t.createdAt),
    index("backtest_runs_unfinished_idx").on(t.status).where(sql`status in ('queued', 'running')`),
  ],
);
