"use client";

import { useState } from "react";
import type { RunSummary } from "@/lib/backtest/jobs/run-view";
import { errorText } from "@/lib/client/api-client";
import { isActiveStatus } from "@/lib/client/backtest-run-status";
import { useCancelRun, useDeleteRun } from "@/lib/client/use-backtest-actions";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";

interface RunRowActionsProps {
  run: RunSummary;
  onView: () => void;
  onDeleted: () => void;
}

/** View, Cancel while the job is queued or running, and Delete (after a confirmation). */
export function RunRowActions({ run, onView, onDeleted }: RunRowActionsProps) {
  const cancel = useCancelRun();
  const remove = useDeleteRun();
  const [confirming, setConfirming] = useState(false);
  const error = cancel.error ?? remove.error;
  return (
    <div className="cancel-cell">
      <button type="button" className="button button-small" onClick={onView} aria-label={`View ${run.name}`}>
        View
      </button>
      {isActiveStatus(run.status) ? (
        <button type="button" className="button button-small" disabled={cancel.isPending} onClick={() => cancel.mutate(run.id)} aria-label={`Cancel ${run.name}`}>
          {cancel.isPending ? "Cancelling…" : "Cancel"}
        </button>
      ) : null}
      <button type="button" className="button button-small" disabled={remove.isPending} onClick={() => setConfirming(true)} aria-label={`Delete ${run.name}`}>
        Delete
      </button>
      {error ? (
        <span className="inline-error" role="alert">
          {errorText(error)}
        </span>
      ) : null}
      <ConfirmDialog
        open={confirming}
        title="Delete this run?"
        message={`${run.name} and its results will be deleted.`}
        confirmLabel="Delete"
        danger
        onCancel={() => setConfirming(false)}
        onConfirm={() => {
          setConfirming(false);
          remove.mutate(run.id, { onSuccess: onDeleted });
        }}
      />
    </div>
  );
}
