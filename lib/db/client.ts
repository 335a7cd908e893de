import { mkdirSync } from "node:fs";
import path from "node:path";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import type { Config } from "@/lib/config";
import * as schema from "./schema";

/** The one database type the code sees, whichever driver is behind it. */
export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface DatabaseHandle {
  db: Database;
  driver: "pglite" | "postgres";
  /** Runs one SQL statement and returns its rows (drivers disagree on the raw result shape). */
  query<T extends Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

/** Picks the driver once from validated config: PostgreSQL when DATABASE_URL is set, else PGlite under DATA_DIR. */
export async function createDatabase(config: Pick<Config, "DATABASE_URL" | "DATA_DIR">): Promise<DatabaseHandle> {
  return config.DATABASE_URL ? createPostgres(config.DATABASE_URL) : createPglite(path.join(config.DATA_DIR, "pglite"));
}

export async function createPostgres(url: string, max = 10): Promise<DatabaseHandle> {
  const { default: postgres } = await import("postgres");
  const { drizzle } = await import("drizzle-orm/postgres-js");
  const client = postgres(url, { max, onnotice: () => {} });
  return {
    db: drizzle(client, { schema }) as unknown as Database,
    driver: "postgres",
    query: async <T extends Record<string, unknown>>(text: string, params: unknown[] = []) =>
      (await client.unsafe(text, params as never[])) as unknown as T[],
    close: () => client.end({ timeout: 5 }),
  };
}

/** dataDir undefined means an in-memory database (tests). PGlite does not create missing parent folders. */
export async function createPglite(dataDir?: string): Promise<DatabaseHandle> {
  const { PGlite } = await import("@electric-sql/pglite");
  const { drizzle } = await import("drizzle-orm/pglite");
  if (dataDir) mkdirSync(path.dirname(path.resolve(dataDir)), { recursive: true });
  const client = dataDir ? await PGlite.create(dataDir) : await PGlite.create();
  return {
    db: drizzle(client, { schema }) as unknown as Database,
    driver: "pglite",
    query: async <T extends Record<string, unknown>>(text: string, params: unknown[] = []) =>
      (await client.query<T>(text, params)).rows,
    close: () => client.close(),
  };
}
