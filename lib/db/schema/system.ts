import { jsonb, pgTable, text } from "drizzle-orm/pg-core";
import { ts } from "./columns";

/** Liveness of each long-running process, written periodically, read by /api/health. */
export const heartbeats = pgTable("heartbeats", {
  service: text("service").primaryKey(),
  instance: text("instance").notNull(),
  at: ts("at").notNull(),
  info: jsonb("info"),
});
