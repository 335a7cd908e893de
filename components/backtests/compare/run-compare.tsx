"use client";

import { useState } from "react";
import { useQuery } from "@tanstack/react-query";
import type { BacktestResultJson, RunDetail, RunSummary } from "@/lib/backtest/jobs/run-view";
import { backtestRunQuery, backtestRunsQuery } from "@/lib/client/backtest-queries";
import { QueryStatus } from "@/components/ui/query-status";
import { CompareEquityChart } from "./compare-equity-chart";
import { CompareStatsTable } from "./compare-stats-table";

function RunPicker({ label, value, runs, onChange }: { label: string; value: string; runs: readonly RunSummary[]; onChange: (id: string) => void }) {
  return (
    <label className="field">
      <span>{label}</span>
      <select value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">Choose a completed backtest</option>
        {runs.map((run) => (
          <option key={run.id} value={run.id}>
            {run.name}
          </option>
        ))}
      </select>
    </label>
  );
}

function backtestOf(run: RunDetail | undefined): { name: string; result: BacktestResultJson } | null {
  return run?.result && !("windows" in run.result) ? { name: run.name, result: run.result } : null;
}

function Comparison({ aId, bId }: { aId: string; bId: string }) {
  const a = useQuery(backtestRunQuery(aId));
  const b = useQuery(backtestRunQuery(bId));
  const runA = backtestOf(a.data?.run);
  const runB = backtestOf(b.data?.run);
  return (
    <>
      <QueryStatus isPending={a.isPending || b.isPending} error={a.error ?? b.error} label="the runs" />
      {runA && runB ? (
        <div className="comparison" data-testid="comparison">
          <CompareEquityChart a={{ name: runA.name, equity: runA.result.equity }} b={{ name: runB.name, equity: runB.result.equity }} />
          <CompareStatsTable a={{ name: runA.name, stats: runA.result.stats }} b={{ name: runB.name, stats: runB.result.stats }} />
        </div>
      ) : null}
    </>
  );
}

/** Two completed backtests: equity on one chart and statistics side by side. */
export function RunCompare() {
  const { data } = useQuery(backtestRunsQuery());
  const completed = (data?.runs ?? []).filter((run) => run.kind === "backtest" && run.status === "completed");
  const [chosenA, setA] = useState("");
  const [chosenB, setB] = useState("");
  // A run deleted since it was chosen is no longer a choice.
  const stillListed = (id: string) => (completed.some((run) => run.id === id) ? id : "");
  const aId = stillListed(chosenA);
  const bId = stillListed(chosenB);
  const ready = aId !== "" && bId !== "" && aId !== bId;
  return (
    <div className="stack-form" data-testid="run-compare">
      <div className="form-row">
        <RunPicker label="Run A" value={aId} runs={completed} onChange={setA} />
        <RunPicker label="Run B" value={bId} runs={completed} onChange={setB} />
      </div>
      {aId !== "" && aId === bId ? <p className="query-status">Choose two different runs.</p> : null}
      {completed.length < 2 ? <p className="query-status">Complete two backtests to compare them.</p> : null}
      {ready ? <Comparison aId={aId} bId={bId} /> : null}
    </div>
  );
}
