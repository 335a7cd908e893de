import type { RunStatus, RunSummary } from "@/lib/backtest/jobs/run-view";

/** Queued or running: the server is still working on it, so the page keeps polling. */
export function isActiveStatus(status: RunStatus): boolean {
  return status === "queued" || status === "running";
}

export function anyRunActive(runs: readonly Pick<RunSummary, "status">[]): boolean {
  return runs.some((run) => isActiveStatus(run.status));
}
