import { z } from "zod";
import type { DatabaseHandle } from "@/lib/db/client";
import type { JobDefinition } from "./job-queue";

const schema = z.object({ retentionHours: z.number().int().positive() }).strict();

/** Deletes raw ticks older than the retention window; bars keep the history. Rerunning it changes nothing twice. */
export function tickRetentionJob(database: DatabaseHandle): JobDefinition<typeof schema> {
  return {
    name: "tick-retention",
    schema,
    async run({ retentionHours }) {
      const cutoff = new Date(Date.now() - retentionHours * 3_600_000);
      const [row] = await database.query<{ deleted: number }>(
        "with gone as (delete from ticks where ts < $1 returning 1) select count(*)::int as deleted from gone",
        [cutoff.toISOString()],
      );
      return { deleted: row?.deleted ?? 0, cutoff: cutoff.toISOString() };
    },
  };
}
