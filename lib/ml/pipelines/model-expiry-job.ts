import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "@/lib/db/client";
import type { JobDefinition, JobQueue } from "@/lib/jobs/job-queue";
import { isExpired } from "@/lib/ml/registry/model-status";
import type { ModelVersionRow } from "@/lib/ml/registry/model-version-store";
import { ensemblesWithStatus } from "./production-ensembles";
import { retrainVersion } from "./retrain-version";

const DAY_MS = 86_400_000;
const schema = z.object({ maxAgeDays: z.number().positive() }).strict();

/** A newer ensemble of the same series, or a training of its bars started after it (queued, running or done). */
async function hasNewerTraining(db: Database, version: ModelVersionRow): Promise<boolean> {
  const rows = await db.execute(sql`
    select 1 from model_versions
      where kind = 'ensemble' and symbol = ${version.symbol} and interval = ${version.interval} and created_at > ${version.createdAt}
    union all
    select 1 from training_runs
      where created_at > ${version.createdAt} and status in ('queued', 'running', 'completed')
        and request->'data'->>'symbol' = ${version.symbol} and request->'data'->>'interval' = ${version.interval}
    limit 1`);
  const list = Array.isArray(rows) ? rows : (rows as { rows: unknown[] }).rows;
  return list.length > 0;
}

/** A production version past its age is retrained once (the run id derives from the version), candidates only. */
export function modelExpiryJob(db: Database, queue: JobQueue): JobDefinition<typeof schema> {
  return {
    name: "model-expiry",
    schema,
    async run({ maxAgeDays }) {
      const now = Date.now();
      const expired = (await ensemblesWithStatus(db, "production")).filter((v) => isExpired(v.createdAt, now, maxAgeDays * DAY_MS));
      const retrains = [];
      for (const version of expired) {
        if (await hasNewerTraining(db, version)) continue;
        retrains.push(await retrainVersion(db, queue, version, `expiry:${version.id}`));
      }
      return { expired: expired.length, retrains };
    },
  };
}
