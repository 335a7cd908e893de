"use client";

import { useQuery } from "@tanstack/react-query";
import type { RunSummary } from "@/lib/backtest/jobs/run-view";
import { backtestRunsQuery } from "@/lib/client/backtest-queries";
import { formatMetric, formatPct, formatRunTime } from "@/lib/client/backtest-format";
import { DataTable } from "@/components/ui/data-table";
import { QueryStatus } from "@/components/ui/query-status";
import { RunRowActions } from "./run-row-actions";
import { RunStatusCell } from "./run-status";

interface RunListProps {
  selectedId: string | null;
  onSelect: (id: string | null) => void;
}

function RunRow({ run, selected, onSelect }: { run: RunSummary; selected: boolean; onSelect: (id: string | null) => void }) {
  const h = run.headline;
  return (
    <tr data-testid="run-row" data-run-id={run.id} data-status={run.status} data-selected={selected} className={selected ? "row-selected" : undefined}>
      <th scope="row">
        {run.name}
        {run.kind === "optimize" ? <span className="badge run-kind">optimise</span> : null}
      </th>
      <td>
        <RunStatusCell run={run} />
      </td>
      <td className="num">{formatPct(h?.returnPct)}</td>
      <td className="num">{formatMetric(h?.sharpeRatio)}</td>
      <td className="num">{formatPct(h?.maxDrawdownPct)}</td>
      <td className="num" data-testid="run-trades">{h ? h.trades : "—"}</td>
      <td className="tabular">{formatRunTime(Date.parse(run.createdAt))}</td>
      <td>
        <RunRowActions run={run} onView={() => onSelect(run.id)} onDeleted={() => selected && onSelect(null)} />
      </td>
    </tr>
  );
}

const RUN_COLUMNS = [
  { label: "Name" }, { label: "Status" }, { label: "Return", numeric: true }, { label: "Sharpe", numeric: true }, { label: "Max. DD", numeric: true },
  { label: "Trades", numeric: true }, { label: "Created (UTC)" }, { label: "Actions", hidden: true },
];

/** Every run on the server, newest first; polled every second while one is queued or running. */
export function RunList({ selectedId, onSelect }: RunListProps) {
  const { data, isPending, error } = useQuery(backtestRunsQuery());
  const runs = data?.runs ?? [];
  return (
    <>
      <QueryStatus isPending={isPending} error={error} label="runs" />
      <DataTable label="Backtest runs" testId="run-list" columns={RUN_COLUMNS} empty={runs.length === 0 && !isPending ? "No runs yet." : null}>
        {runs.map((run) => (
          <RunRow key={run.id} run={run} selected={run.id === selectedId} onSelect={onSelect} />
        ))}
      </DataTable>
    </>
  );
}
