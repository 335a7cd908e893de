import type { TrainingRunStatus } from "@/lib/ml/training/training-run-store";
import type { TrainingRunView } from "@/lib/server/models/model-views";
import { Badge, type BadgeTone } from "@/components/ui/badge";

const TONE: Record<TrainingRunStatus, BadgeTone> = {
  queued: "neutral",
  running: "info",
  completed: "success",
  failed: "danger",
  cancelled: "warning",
};

/** A run's status, progress bar and what it is doing now (or why it failed). */
export function TrainingProgress({ run }: { run: TrainingRunView }) {
  const percent = Math.round(run.progress * 100);
  return (
    <div className="training-progress" data-testid="training-progress" data-status={run.status} aria-live="polite">
      <div className="run-status">
        <Badge tone={TONE[run.status]} state={run.status} testId="training-status">
          {run.status}
        </Badge>
        <progress className="run-progress" max={100} value={percent} aria-label="Training progress" />
        <span className="status-text tabular">{percent}%</span>
      </div>
      <p className="status-text" data-testid="training-stage">
        {run.error ?? run.stage ?? "waiting for the jobs process"}
      </p>
    </div>
  );
}
