"use client";

import { useState } from "react";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { errorText } from "@/lib/client/api-client";
import { useRunJobNow } from "./jobs-queries";

/** Admin only (the page is admin-only; the API checks again): enqueue a schedule's job now, confirmed first. */
export function JobsRunButton({ name }: { name: string }) {
  const run = useRunJobNow();
  const [asking, setAsking] = useState(false);
  return (
    <td>
      <button type="button" className="button button-small button-primary" disabled={run.isPending} onClick={() => setAsking(true)} aria-label={`Run now: ${name}`} data-testid="job-run-now">
        Run now
      </button>
      {run.error ? (
        <span className="inline-error" role="alert">
          {errorText(run.error)}
        </span>
      ) : null}
      <ConfirmDialog
        open={asking}
        title={`Run ${name} now?`}
        message="It runs once now, outside its schedule; the run appears below when it starts. Every job is safe to rerun."
        confirmLabel="Run now"
        testId="job-run-dialog"
        onCancel={() => setAsking(false)}
        onConfirm={() => {
          run.mutate(name);
          setAsking(false);
        }}
      />
    </td>
  );
}
