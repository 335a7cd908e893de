import "server-only";
import { gte, sql } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { modelSignals } from "@/lib/db/schema";
import type { SignalBucketCounts } from "./live-hit-rate";

const HOUR_MS = 3_600_000;
const hour = sql<number>`(floor(extract(epoch from ${modelSignals.ts}) / 3600) * 3600000)::float8`.mapWith(Number);
const count = (filter?: ReturnType<typeof sql>) => (filter ? sql<number>`count(*) filter (where ${filter})::int` : sql<number>`count(*)::int`).mapWith(Number);

/** Every version's calls since `since`, counted per hour of the bar's open time (UTC). */
export async function signalBuckets(db: Database, since: Date): Promise<SignalBucketCounts[]> {
  const rows = await db.select({
    versionId: modelSignals.versionId, hour, calls: count(), resolved: count(sql`${modelSignals.outcome} is not null`), correct: count(sql`${modelSignals.correct}`),
    down: count(sql`${modelSignals.outcome} = -1`), flat: count(sql`${modelSignals.outcome} = 0`), up: count(sql`${modelSignals.outcome} = 1`),
  }).from(modelSignals).where(gte(modelSignals.ts, since)).groupBy(modelSignals.versionId, hour);
  return rows.map(({ down, flat, up, ...row }) => ({ ...row, outcomes: [down, flat, up] }));
}

export const hoursAgo = (hours: number, now = Date.now()) => new Date(now - hours * HOUR_MS);
