"use client";

import { useQuery } from "@tanstack/react-query";
import type { VersionMetrics } from "@/lib/server/models/metrics-service";
import { formatScore } from "@/lib/client/model-format";
import { DataTable } from "@/components/ui/data-table";
import { QueryStatus } from "@/components/ui/query-status";
import { liveMarkets } from "./live-chart-data";
import { modelMetricsQuery } from "./model-page-queries";
import { LiveHitRateChart } from "./live-hit-rate-chart";
import { ModelStatusBadge } from "./model-status-badge";

const COLUMNS = [{ label: "Version" }, { label: "Status" }, { label: "Calls", numeric: true }, { label: "Resolved", numeric: true }, { label: "Hit rate", numeric: true }, { label: "Constant call", numeric: true }];
const CALL_NAMES = { "-1": "down", "0": "flat", "1": "up" } as const;

function baselineText(v: VersionMetrics): string {
  const { call, hitRate } = v.live.baseline;
  return call === null ? "—" : `${formatScore(hitRate)} (always ${CALL_NAMES[String(call) as keyof typeof CALL_NAMES]})`;
}

/** Production vs shadow versions on live bars: each hit rate beside the best constant call on the same resolved bars. */
export function LiveHitRatePanel() {
  const { data, isPending, error } = useQuery(modelMetricsQuery());
  const markets = liveMarkets(data?.versions ?? []);
  if (!data) return <QueryStatus isPending={isPending} error={error} label="live hit rates" />;
  if (markets.length === 0) {
    return <p className="status-text" data-testid="live-hit-rate-empty">No live calls yet: promote an ensemble to production or shadow; each call is scored once its horizon has passed.</p>;
  }
  return (
    <>
      {markets.map((market) => (
        <figure key={market.key} className="metrics-window" data-testid="live-market">
          <figcaption>{market.key}: hit rate of resolved calls since {data.since.slice(0, 10)}, beside always calling the most frequent outcome of the same bars</figcaption>
          <DataTable label={`Live hit rate on ${market.key}`} testId="live-hit-rate-table" columns={COLUMNS} className="stats-table" scroll="none">
            {market.versions.map((v) => (
              <tr key={v.id} data-testid="live-version-row">
                <th scope="row">
                  {v.name} v{v.version}
                </th>
                <td>
                  <ModelStatusBadge status={v.status} />
                </td>
                <td className="num">{v.live.calls}</td>
                <td className="num">{v.live.resolved}</td>
                <td className="num">{formatScore(v.live.hitRate)}</td>
                <td className="num">{baselineText(v)}</td>
              </tr>
            ))}
          </DataTable>
          {market.reference.live.buckets.length > 0 ? <LiveHitRateChart market={market} /> : null}
        </figure>
      ))}
    </>
  );
}
