"use client";

import { useEffect } from "react";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import type { TrainingRunStatus } from "@/lib/ml/training/training-run-store";
import { errorText } from "@/lib/client/api-client";
import { isTrainingActive, modelKeys, trainingRunQuery } from "@/lib/client/model-queries";
import { useCancelTraining } from "@/lib/client/use-model-actions";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { QueryStatus } from "@/components/ui/query-status";

const TONE: Record<TrainingRunStatus, BadgeTone> = {
  queued: "neutral",
  running: "info",
  completed: "success",
  failed: "danger",
  cancelled: "warning",
};

/** The training run just started: polled every second while it works, with its stage and a Cancel button. */
export function TrainingProgress({ runId }: { runId: string }) {
  const { data, isPending, error } = useQuery(trainingRunQuery(runId));
  const cancel = useCancelTraining();
  const run = data?.run;
  const finished = run !== undefined && !isTrainingActive(run);
  const queryClient = useQueryClient();
  // The versions a completed run stored appear in the list as soon as it ends.
  useEffect(() => {
    if (finished) void queryClient.invalidateQueries({ queryKey: modelKeys.versions });
  }, [finished, queryClient]);
  if (!run) return <QueryStatus isPending={isPending} error={error} label="the training run" />;
  const percent = Math.round(run.progress * 100);
  const active = isTrainingActive(run);
  return (
    <div className="training-progress" data-testid="training-progress" data-status={run.status} aria-live="polite">
      <div className="run-status">
        <Badge tone={TONE[run.status]} state={run.status} testId="training-status">
          {run.status}
        </Badge>
        <progress className="run-progress" max={100} value={percent} aria-label="Training progress" />
        <span className="status-text tabular">{percent}%</span>
        {active ? (
          <button type="button" className="button button-small" disabled={cancel.isPending || run.cancelRequested} onClick={() => cancel.mutate(run.id)}>
            {run.cancelRequested ? "Cancelling…" : "Cancel training"}
          </button>
        ) : null}
      </div>
      <p className="status-text" data-testid="training-stage">
        {run.error ?? run.stage ?? "waiting for the jobs process"}
      </p>
      {cancel.error ? (
        <p className="inline-error" role="alert">
          {errorText(cancel.error)}
        </p>
      ) : null}
    </div>
  );
}
