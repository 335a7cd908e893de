"use client";

import { useQuery } from "@tanstack/react-query";
import type { BacktestResultJson, OptimizeResultJson, RunDetail } from "@/lib/backtest/jobs/run-view";
import { backtestRunQuery } from "@/lib/client/backtest-queries";
import { QueryStatus } from "@/components/ui/query-status";
import { RunStatusCell } from "@/components/backtests/run-list/run-status";
import { BacktestResultView, OptimizeResultView } from "./result-views";

function isOptimizeResult(result: BacktestResultJson | OptimizeResultJson): result is OptimizeResultJson {
  return "windows" in result;
}

function RunResult({ run }: { run: RunDetail }) {
  if (run.status === "failed") {
    return (
      <p className="query-status query-error" role="alert">
        The run failed: {run.error ?? "no reason given"}
      </p>
    );
  }
  if (run.status === "cancelled") return <p className="query-status">The run was cancelled.</p>;
  if (!run.result) return <p className="query-status">Results appear here when the run completes.</p>;
  return isOptimizeResult(run.result) ? <OptimizeResultView result={run.result} name={run.name} /> : <BacktestResultView result={run.result} name={run.name} />;
}

/** One run: its progress while it works, then its results. */
export function RunView({ runId }: { runId: string }) {
  const { data, isPending, error } = useQuery(backtestRunQuery(runId));
  const run = data?.run;
  return (
    <div className="run-view" data-testid="run-view" data-run-id={runId} data-status={run?.status}>
      <QueryStatus isPending={isPending} error={error} label="the run" />
      {run ? (
        <>
          <header className="run-view-header">
            <h3 className="run-view-name">{run.name}</h3>
            <RunStatusCell run={run} />
          </header>
          <RunResult run={run} />
        </>
      ) : null}
    </div>
  );
}
