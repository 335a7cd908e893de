import { index, jsonb, pgTable, primaryKey, text } from "drizzle-orm/pg-core";
import { ts } from "./columns";

/**
 * Feature vectors per symbol, interval, bar open time and feature-set version. The values are one jsonb object
 * (name -> number) rather than a column per feature: the set is versioned and grows, versions live side by side in
 * this table, and vectors are always read whole, so a new feature needs a version bump, not a migration. jsonb
 * keeps a double's shortest decimal text exactly, so a vector reads back bit for bit.
 */
export const features = pgTable(
  "features",
  {
    symbol: text("symbol").notNull(),
    interval: text("interval").notNull(),
    ts: ts("ts").notNull(),
    version: text("version").notNull(),
    values: jsonb("values").$type<Record<string, number>>().notNull(),
    computedAt: ts("computed_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.symbol, t.interval, t.ts, t.version] }), index("features_ts_idx").on(t.ts)],
);
