import { z } from "zod";
import type { DatabaseHandle } from "@/lib/db/client";
import type { Alerter } from "@/lib/alerts";
import { checkDiskSpace } from "./disk-space";
import type { JobDefinition } from "./job-queue";
import { JOB_RUN_RETENTION_DAYS, pruneJobRuns } from "./job-run-store";

const schema = z.object({ retentionHours: z.number().int().positive() }).strict();

/** Minute open time of a tick, computed on epoch seconds so the session's time zone cannot shift it. */
const MINUTE = "to_timestamp(floor(extract(epoch from ts) / 60) * 60)";

/**
 * Every minute holding a tick older than the cutoff gets its 1m bar, built from all of that minute's ticks. Bars that
 * exist (the engine records them live) are never overwritten: the insert skips them.
 */
const COMPACT_SQL = `
  with built as (
    insert into bars (symbol, interval, open_time, open, high, low, close, volume, trades)
    select symbol, '1m', ${MINUTE},
      ((array_agg(price order by ts, seq))[1])::float8, max(price)::float8, min(price)::float8,
      ((array_agg(price order by ts desc, seq desc))[1])::float8, sum(size)::float8, count(*)::int
    from ticks
    where ts < to_timestamp(floor(extract(epoch from $1::timestamptz) / 60) * 60 + 60)
    group by symbol, ${MINUTE}
    having min(ts) < $1::timestamptz
    on conflict (symbol, interval, open_time) do nothing
    returning 1
  ) select count(*)::int as built from built`;

const DELETE_SQL = "with gone as (delete from ticks where ts < $1 returning 1) select count(*)::int as deleted from gone";

/**
 * Retention with compaction: raw ticks older than the window are deleted once the 1m bars covering them exist, so
 * the history survives as bars. Job run records past their retention go too, and the data volume's free space is
 * checked (a low alert under 10 %). A rerun builds nothing and deletes
 * nothing twice.
 */
export function tickRetentionJob(database: DatabaseHandle, disk?: { path: string; alerter?: Alerter }): JobDefinition<typeof schema> {
  return {
    name: "tick-retention",
    schema,
    async run({ retentionHours }) {
      const cutoff = new Date(Date.now() - retentionHours * 3_600_000).toISOString();
      const [compacted] = await database.query<{ built: number }>(COMPACT_SQL, [cutoff]);
      const [removed] = await database.query<{ deleted: number }>(DELETE_SQL, [cutoff]);
      const jobRunsPruned = await pruneJobRuns(database.db, new Date(Date.now() - JOB_RUN_RETENTION_DAYS * 86_400_000));
      const space = disk ? await checkDiskSpace(disk.path, disk.alerter) : null;
      return { barsBuilt: compacted?.built ?? 0, deleted: removed?.deleted ?? 0, jobRunsPruned, cutoff, diskFreeFraction: space?.freeFraction ?? null };
    },
  };
}
