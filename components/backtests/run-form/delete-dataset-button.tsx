"use client";

import { useState } from "react";
import type { DatasetSummary } from "@/lib/backtest/jobs/run-view";
import { errorText } from "@/lib/client/api-client";
import { useDeleteDataset } from "@/lib/client/use-backtest-actions";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";

/** Deletes the chosen upload after a confirmation; finished runs on it keep their results. */
export function DeleteDatasetButton({ dataset, onDeleted }: { dataset: DatasetSummary; onDeleted: () => void }) {
  const remove = useDeleteDataset();
  const [confirming, setConfirming] = useState(false);
  return (
    <div className="cancel-cell">
      <button type="button" className="button button-small" disabled={remove.isPending} onClick={() => setConfirming(true)} aria-label={`Delete dataset ${dataset.name}`}>
        {remove.isPending ? "Deleting…" : "Delete dataset"}
      </button>
      {remove.error ? (
        <span className="inline-error" role="alert">
          {errorText(remove.error)}
        </span>
      ) : null}
      <ConfirmDialog
        open={confirming}
        title="Delete this dataset?"
        message={`${dataset.name} will be deleted. Finished runs keep their results; runs still queued on it will fail.`}
        confirmLabel="Delete"
        danger
        testId="delete-dataset-dialog"
        onCancel={() => setConfirming(false)}
        onConfirm={() => {
          setConfirming(false);
          remove.mutate(dataset.id, { onSuccess: onDeleted });
        }}
      />
    </div>
  );
}
