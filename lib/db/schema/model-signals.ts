import { sql } from "drizzle-orm";
import { bigserial, boolean, doublePrecision, index, integer, jsonb, pgTable, smallint, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import type { MemberVote } from "@/lib/ml/ensemble/member-output";
import { money, ts } from "./columns";
import { modelVersions } from "./models";

/**
 * Every live call of an ensemble version on a closed bar, production and shadow alike, with each member's vote. Once
 * the bar `horizon` bars later has closed, the outcome (the label the training would have given that bar) and whether
 * the call was right are filled in: that is the live hit rate. One row per version, symbol, interval and bar.
 */
export const modelSignals = pgTable(
  "model_signals",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    versionId: uuid("version_id").notNull().references(() => modelVersions.id, { onDelete: "cascade" }),
    /** The version's status when it made the call: production trades on it, shadow is only kept for comparison. */
    role: text("role").notNull(),
    symbol: text("symbol").notNull(),
    interval: text("interval").notNull(),
    /** Open time of the closed bar the call was made on. */
    ts: ts("ts").notNull(),
    direction: smallint("direction").notNull(),
    confidence: doublePrecision("confidence").notNull(),
    votes: jsonb("votes").$type<MemberVote[]>().notNull(),
    /** The bar's close: the outcome is the return from here to the close `horizon` bars later. */
    close: money("close").notNull(),
    horizon: integer("horizon").notNull(),
    deadZone: doublePrecision("dead_zone").notNull(),
    /** Signed target position the production call asked the strategy for; null for shadow calls. */
    target: money("target"),
    outcome: smallint("outcome"),
    correct: boolean("correct"),
    resolvedAt: ts("resolved_at"),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("model_signals_version_bar_idx").on(t.versionId, t.symbol, t.interval, t.ts),
    index("model_signals_symbol_ts_idx").on(t.symbol, t.ts),
    index("model_signals_unresolved_idx").on(t.ts).where(sql`outcome is null`),
  ],
);
