import { numeric, timestamp } from "drizzle-orm/pg-core";

/** Exact decimal column read and written as a string (never a JS number). */
export const money = (name: string) => numeric(name, { precision: 38, scale: 18 });
export const ts = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });
