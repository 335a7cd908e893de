import { index, integer, jsonb, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { ts } from "./columns";

/**
 * One attempt of a background job, whichever queue ran it: what the admin Jobs page lists per schedule (last runs,
 * duration, outcome). `trigger` says whether a schedule fired it, an admin ran it now, or a request enqueued it.
 */
export const jobRuns = pgTable(
  "job_runs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    jobId: text("job_id"),
    trigger: text("trigger").notNull(),
    attempt: integer("attempt").notNull().default(1),
    status: text("status").notNull(),
    startedAt: ts("started_at").notNull().defaultNow(),
    finishedAt: ts("finished_at"),
    durationMs: integer("duration_ms"),
    result: jsonb("result"),
    error: text("error"),
  },
  (t) => [index("job_runs_name_started_idx").on(t.name, t.startedAt)],
);
