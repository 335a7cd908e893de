import type { DatabaseHandle } from "@/lib/db/client";
import { directionOfReturn } from "@/lib/ml/labels";

/** Signals resolved per call at most; the next run takes the rest. */
const BATCH = 5_000;

interface Resolvable extends Record<string, unknown> {
  id: number;
  close: string;
  dead_zone: number;
  future_close: number;
}

/**
 * Fills in the outcome of every live call whose horizon has passed: the label training would have given its bar
 * (direction of close[t+h] / close[t] - 1 beyond the dead zone, h counted in stored bars of the same symbol and
 * interval), and whether the call was right. Only unresolved rows are touched, so a rerun changes nothing twice.
 */
export async function resolveSignalOutcomes(database: DatabaseHandle): Promise<{ resolved: number }> {
  const rows = await database.query<Resolvable>(
    `select s.id, s.close::text as close, s.dead_zone, f.close as future_close
       from model_signals s
       cross join lateral (
         select b.close from bars b
          where b.symbol = s.symbol and b.interval = s.interval and b.open_time > s.ts
          order by b.open_time offset s.horizon - 1 limit 1
       ) f
      where s.outcome is null
      order by s.ts
      limit $1`,
    [BATCH],
  );
  if (rows.length === 0) return { resolved: 0 };
  const outcomes = rows.map((row) => directionOfReturn(row.future_close / Number(row.close) - 1, row.dead_zone));
  await database.query(
    `update model_signals m set outcome = v.outcome, correct = (v.outcome = m.direction), resolved_at = now()
       from unnest($1::bigint[], $2::smallint[]) as v(id, outcome)
      where m.id = v.id and m.outcome is null`,
    [rows.map((row) => row.id), outcomes],
  );
  return { resolved: rows.length };
}
