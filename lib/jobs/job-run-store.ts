import { desc, lt, sql } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { jobRuns } from "@/lib/db/schema";

export type JobRunRow = typeof jobRuns.$inferSelect;

/** The latest `perName` attempts of each job name, newest first. */
export async function latestJobRuns(db: Database, perName: number): Promise<JobRunRow[]> {
  const ranked = db.select({ id: jobRuns.id, rank: sql<number>`row_number() over (partition by ${jobRuns.name} order by ${jobRuns.startedAt} desc)`.as("rank") })
    .from(jobRuns).as("ranked");
  return db.select({ run: jobRuns }).from(jobRuns).innerJoin(ranked, sql`${ranked.id} = ${jobRuns.id}`)
    .where(sql`${ranked.rank} <= ${perName}`).orderBy(desc(jobRuns.startedAt))
    .then((rows) => rows.map((r) => r.run));
}

/** Run records are a report, not history: older ones go with the hourly retention. */
export const JOB_RUN_RETENTION_DAYS = 30;

export async function pruneJobRuns(db: Database, before: Date): Promise<number> {
  const gone = await db.delete(jobRuns).where(lt(jobRuns.startedAt, before)).returning({ id: jobRuns.id });
  return gone.length;
}
