import { sql } from "drizzle-orm";
import { index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { ts } from "./columns";
import { jobRunColumns } from "./job-run-columns";
import { users } from "./users";

/** One training of the model members on one data window: the request, its progress while a job runs it, a summary. */
export const trainingRuns = pgTable(
  "training_runs",
  {
    ...jobRunColumns(),
    /** What the job is doing now (loading data, rf, lstm epoch 3/8, ...), shown beside the progress bar. */
    stage: text("stage"),
  },
  (t) => [
    index("training_runs_created_by_idx").on(t.createdBy, t.createdAt),
    index("training_runs_unfinished_idx").on(t.status).where(sql`status in ('queued', 'running')`),
  ],
);

/**
 * The model registry: every trained member and ensemble, its metrics beside the baselines on the same windows, and
 * the artifact that reloads it. Versions count up per name; at most one version of a name is in production.
 */
export const modelVersions = pgTable(
  "model_versions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    kind: text("kind").notNull(),
    version: integer("version").notNull(),
    status: text("status").notNull().default("candidate"),
    featureSetVersion: text("feature_set_version").notNull(),
    symbol: text("symbol").notNull(),
    interval: text("interval").notNull(),
    dataFrom: ts("data_from").notNull(),
    dataTo: ts("data_to").notNull(),
    params: jsonb("params").notNull(),
    metrics: jsonb("metrics").notNull(),
    artifact: jsonb("artifact").notNull(),
    trainingRunId: uuid("training_run_id").references(() => trainingRuns.id, { onDelete: "set null" }),
    createdBy: uuid("created_by").notNull().references(() => users.id),
    createdAt: ts("created_at").notNull().defaultNow(),
    durationMs: integer("duration_ms").notNull(),
    promotedBy: uuid("promoted_by").references(() => users.id),
    promotedAt: ts("promoted_at"),
  },
  (t) => [
    uniqueIndex("model_versions_name_version_idx").on(t.name, t.version),
    uniqueIndex("model_versions_one_production_idx").on(t.name, t.symbol, t.interval).where(sql`status = 'production'`),
    index("model_versions_created_at_idx").on(t.createdAt),
  ],
);
