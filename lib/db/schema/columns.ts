import { numeric, timestamp } from "drizzle-orm/pg-core";

/** Exact decimal column (unconstrained numeric: no digit is ever rounded away), read and written as a string. */
export const money = (name: string) => numeric(name);
export const ts = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });
