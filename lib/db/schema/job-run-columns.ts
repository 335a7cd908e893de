import { boolean, doublePrecision, jsonb, text, uuid } from "drizzle-orm/pg-core";
import { ts } from "./columns";
import { users } from "./users";

/**
 * The columns every run a job carries out shares (backtests, training): the request, its status and progress while
 * a job runs it, a cancel flag the job reads between steps, the stored result, and who asked when.
 */
export function jobRunColumns() {
  return {
    id: uuid("id").primaryKey().defaultRandom(),
    status: text("status").notNull().default("queued"),
    progress: doublePrecision("progress").notNull().default(0),
    request: jsonb("request").notNull(),
    result: jsonb("result"),
    error: text("error"),
    cancelRequested: boolean("cancel_requested").notNull().default(false),
    createdBy: uuid("created_by").notNull().references(() => users.id),
    createdAt: ts("created_at").notNull().defaultNow(),
    startedAt: ts("started_at"),
    finishedAt: ts("finished_at"),
  };
}
