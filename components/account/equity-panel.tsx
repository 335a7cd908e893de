"use client";

import { useLiveBalance } from "@/lib/client/use-live-balance";
import { useLiveEquity } from "@/lib/client/use-live-equity";
import { Panel } from "@/components/ui/panel";
import { QueryStatus } from "@/components/ui/query-status";
import { EquityChart } from "@/components/charts/equity-chart";

/** Equity over the last 24h, extended live. */
export function EquityPanel() {
  const { data, isPending, error } = useLiveEquity();
  const { data: balance } = useLiveBalance();
  const points = data?.points ?? [];
  const currency = balance?.account.currency ?? "";

  return (
    <Panel title="Equity (24h)" span={4} testId="equity-panel">
      <QueryStatus isPending={isPending} error={error} label="equity" />
      {data && points.length === 0 ? <p className="query-status">No equity history yet.</p> : null}
      {points.length > 0 ? <EquityChart points={points} currency={currency} /> : null}
    </Panel>
  );
}
