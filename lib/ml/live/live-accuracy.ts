import type { DatabaseHandle } from "@/lib/db/client";

/** Calls a production version needs resolved before its live accuracy says anything. */
export const MIN_RESOLVED_CALLS = 50;
/** The window: each production version's latest resolved calls. */
const RECENT_CALLS = 100;

export interface LiveAccuracy {
  versionId: string;
  name: string;
  symbol: string;
  resolved: number;
  hitRate: number;
  /** The best constant call's hit rate on the same calls (the share of their most frequent outcome). */
  baseline: number;
}

/** Each production ensemble's hit rate over its latest resolved calls, beside the constant-call baseline on them. */
export async function productionLiveAccuracy(database: DatabaseHandle): Promise<LiveAccuracy[]> {
  const rows = await database.query<{ version_id: string; name: string; symbol: string; resolved: number; correct: number; top: number }>(
    `with recent as (
       select s.version_id, s.outcome, s.correct,
              row_number() over (partition by s.version_id order by s.ts desc) as n
         from model_signals s join model_versions v on v.id = s.version_id
        where v.status = 'production' and s.outcome is not null
     ), counted as (
       select version_id, outcome, count(*)::int as calls, sum(case when correct then 1 else 0 end)::int as correct
         from recent where n <= $1 group by version_id, outcome
     )
     select c.version_id, v.name || ' v' || v.version as name, v.symbol,
            sum(c.calls)::int as resolved, sum(c.correct)::int as correct, max(c.calls)::int as top
       from counted c join model_versions v on v.id = c.version_id
      group by c.version_id, v.name, v.version, v.symbol`,
    [RECENT_CALLS],
  );
  return rows.map((r) => ({ versionId: r.version_id, name: r.name, symbol: r.symbol, resolved: r.resolved, hitRate: r.correct / r.resolved, baseline: r.top / r.resolved }));
}
