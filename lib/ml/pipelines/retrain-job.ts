import { z } from "zod";
import type { Database } from "@/lib/db/client";
import { currentSlot } from "@/lib/jobs/cadence";
import type { JobDefinition, JobQueue } from "@/lib/jobs/job-queue";
import { ensemblesWithStatus } from "./production-ensembles";
import { retrainVersion } from "./retrain-version";

const HOUR_MS = 3_600_000;

/** The schedule's cron, or null when RETRAIN_CRON is off (a run-now then counts per hour). */
const schema = z.object({ cron: z.string().nullable() }).strict();

/**
 * Scheduled retraining: one new training of every production ensemble's symbol and interval, per cron slot. The
 * trainings make candidates; promoting one stays an admin's decision.
 */
export function retrainJob(db: Database, queue: JobQueue): JobDefinition<typeof schema> {
  return {
    name: "retrain",
    schema,
    async run({ cron }) {
      const slot = cron ? currentSlot({ cron }, Date.now()) : Math.floor(Date.now() / HOUR_MS) * HOUR_MS;
      const versions = await ensemblesWithStatus(db, "production");
      if (versions.length === 0) return { message: "nothing to retrain", retrains: [] };
      const retrains = [];
      for (const version of versions) retrains.push(await retrainVersion(db, queue, version, `retrain:${version.id}:${slot}`));
      return { slot: new Date(slot).toISOString(), retrains };
    },
  };
}
