"use client";

import { useQuery } from "@tanstack/react-query";
import type { RunSummary } from "@/lib/backtest/jobs/run-view";
import { backtestRunsQuery } from "@/lib/client/backtest-queries";
import { formatMetric, formatPct, formatRunTime } from "@/lib/client/backtest-format";
import { EmptyRow } from "@/components/ui/empty-row";
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

/** Every run on the server, newest first; polled every second while one is queued or running. */
export function RunList({ selectedId, onSelect }: RunListProps) {
  const { data, isPending, error } = useQuery(backtestRunsQuery());
  const runs = data?.runs ?? [];
  return (
    <>
      <QueryStatus isPending={isPending} error={error} label="runs" />
      <div className="table-scroll">
        <table className="table" aria-label="Backtest runs" data-testid="run-list">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Status</th>
              <th scope="col" className="num">Return</th>
              <th scope="col" className="num">Sharpe</th>
              <th scope="col" className="num">Max. DD</th>
              <th scope="col" className="num">Trades</th>
              <th scope="col">Created (UTC)</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {runs.length === 0 && !isPending ? <EmptyRow colSpan={8}>No runs yet.</EmptyRow> : null}
            {runs.map((run) => (
              <RunRow key={run.id} run={run} selected={run.id === selectedId} onSelect={onSelect} />
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
