import type { RunStatus, RunSummary } from "@/lib/backtest/jobs/run-view";
import { isActiveStatus } from "@/lib/client/backtest-run-status";
import { Badge, type BadgeTone } from "@/components/ui/badge";

const TONE: Record<RunStatus, BadgeTone> = {
  queued: "neutral",
  running: "info",
  completed: "success",
  failed: "danger",
  cancelled: "warning",
};

/** The status badge, with a progress bar while the job is queued or running. */
export function RunStatusCell({ run }: { run: Pick<RunSummary, "name" | "status" | "progress" | "error"> }) {
  const percent = Math.round(run.progress * 100);
  return (
    <div className="run-status">
      <Badge tone={TONE[run.status]} state={run.status} testId="run-status" title={run.error ?? undefined}>
        {run.status}
      </Badge>
      {isActiveStatus(run.status) ? (
        <>
          <progress className="run-progress" max={100} value={percent} aria-label={`${run.name} progress`} data-testid="run-progress" />
          <span className="status-text tabular">{percent}%</span>
        </>
      ) : null}
    </div>
  );
}
