"use client";

import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import { DataTable } from "@/components/ui/data-table";
import { Panel } from "@/components/ui/panel";
import { QueryStatus } from "@/components/ui/query-status";
import { latestSignalsQuery } from "./latest-signals-query";
import { SymbolSignalRow } from "./symbol-signal-row";

const COLUMNS = [{ label: "Symbol" }, { label: "Ensemble" }, { label: "Signal" }, { label: "Age", numeric: true }, { label: "Member votes" }, { label: "Shadow" }];

/** The latest call of the production ensemble per symbol, with each member's vote; polled every 5 s. */
export function ModelSignalsPanel() {
  const { data, isPending, error, dataUpdatedAt } = useQuery(latestSignalsQuery());
  const markets = data?.symbols ?? [];
  const inProduction = markets.some((m) => m.production.length > 0);
  return (
    <Panel title="Model signals" span={12} testId="model-signals">
      <QueryStatus isPending={isPending} error={error} label="model signals" />
      {data && !inProduction ? (
        <p className="status-text" data-testid="model-signals-empty">
          No ensemble in production — train one and promote it on the <Link href="/models">Models page</Link>.
        </p>
      ) : null}
      {inProduction ? (
        <DataTable label="Latest ensemble signals" testId="model-signals-table" columns={COLUMNS}>
          {markets.map((m) => (
            <SymbolSignalRow key={`${m.symbol} ${m.interval}`} market={m} now={dataUpdatedAt} />
          ))}
        </DataTable>
      ) : null}
    </Panel>
  );
}
