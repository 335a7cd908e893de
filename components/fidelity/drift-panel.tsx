"use client";

import { useQueries } from "@tanstack/react-query";
import { formatQuantity } from "@/lib/client/format";
import { DataTable } from "@/components/ui/data-table";
import { Panel } from "@/components/ui/panel";
import { QueryStatus } from "@/components/ui/query-status";
import { SignedValue } from "@/components/ui/signed-value";
import { driftQuery } from "./drift-query";
import { DriftStatus } from "./drift-status";

const DRIFT_COLUMNS = [
  { label: "Symbol" }, { label: "Status" }, { label: "Orders live / backtest", numeric: true },
  { label: "P&L live", numeric: true }, { label: "P&L backtest", numeric: true }, { label: "P&L drift", numeric: true },
  { label: "Fill drift bps (mean / max)", numeric: true },
];

const bps = (value: number | null | undefined) => (value === null || value === undefined ? "—" : value.toFixed(2));

/**
 * The paper strategy against the backtest of the same bars, per symbol: a trader sees at once when live trading
 * stops doing what the backtest says, and why (a refused order, a manual trade, a fill at a later print).
 */
export function DriftPanel({ symbols }: { symbols: readonly string[] }) {
  const results = useQueries({ queries: symbols.map(driftQuery) });
  const failed = results.find((r) => r.error)?.error ?? null;

  return (
    <Panel title="Live vs backtest" span={12} testId="drift-panel">
      <QueryStatus isPending={results.some((r) => r.isPending)} error={failed} label="strategy drift" />
      <DataTable label="Live vs backtest" testId="drift-table" columns={DRIFT_COLUMNS}>
        {results.map(({ data }, i) => {
          const drift = data?.drift;
          if (!drift) return null;
          const report = drift.report;
          return (
            <tr key={symbols[i]} data-testid={`drift-row-${drift.symbol}`} data-state={drift.state}>
              <th scope="row" title={`${drift.strategy} on ${drift.interval} bars${drift.quantity ? `, ${formatQuantity(drift.quantity)} per position` : ""}`}>
                {drift.symbol}
              </th>
              <td data-testid="drift-status"><DriftStatus drift={drift} /></td>
              <td className="num" data-testid="drift-orders">{report ? `${report.live.orders} / ${report.backtest.orders}` : "—"}</td>
              <td className="num"><SignedValue value={report?.live.pnl} /></td>
              <td className="num"><SignedValue value={report?.backtest.pnl} /></td>
              <td className="num"><SignedValue value={report?.pnlDrift} testId="drift-pnl" /></td>
              <td className="num" data-testid="drift-fill-bps">{`${bps(report?.fillDriftBps.mean)} / ${bps(report?.fillDriftBps.max)}`}</td>
            </tr>
          );
        })}
      </DataTable>
    </Panel>
  );
}
