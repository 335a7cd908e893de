import { queryOptions } from "@tanstack/react-query";
import type { DatasetSummary, RunDetail, RunSummary } from "@/lib/backtest/jobs/run-view";
import { getJson } from "@/lib/client/api-client";
import { anyRunActive, isActiveStatus } from "@/lib/client/backtest-run-status";

/** Runs are server jobs: polled once a second while any is queued or running, quiet otherwise. */
export const ACTIVE_POLL_MS = 1_000;

export const backtestKeys = {
  all: ["backtests"] as const,
  runs: ["backtests", "runs"] as const,
  run: (id: string) => ["backtests", "run", id] as const,
  datasets: ["backtests", "datasets"] as const,
};

export const backtestRunsQuery = () =>
  queryOptions({
    queryKey: backtestKeys.runs,
    queryFn: ({ signal }) => getJson<{ runs: RunSummary[] }>("/api/backtests", { signal }),
    refetchInterval: (query) => (anyRunActive(query.state.data?.runs ?? []) ? ACTIVE_POLL_MS : false),
    staleTime: 0,
  });

export const backtestRunQuery = (id: string) =>
  queryOptions({
    queryKey: backtestKeys.run(id),
    queryFn: ({ signal }) => getJson<{ run: RunDetail }>(`/api/backtests/${encodeURIComponent(id)}`, { signal }),
    refetchInterval: (query) => {
      const run = query.state.data?.run;
      return run && isActiveStatus(run.status) ? ACTIVE_POLL_MS : false;
    },
    // A finished run's result never changes.
    staleTime: (query) => {
      const run = query.state.data?.run;
      return run && !isActiveStatus(run.status) ? Infinity : 0;
    },
  });

export const backtestDatasetsQuery = () =>
  queryOptions({
    queryKey: backtestKeys.datasets,
    queryFn: ({ signal }) => getJson<{ datasets: DatasetSummary[] }>("/api/backtests/datasets", { signal }),
  });
