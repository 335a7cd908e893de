"use client";

import { isTrainingActive } from "@/lib/client/model-queries";
import { formatModelTime } from "@/lib/client/model-format";
import { errorText } from "@/lib/client/api-client";
import { useCancelTraining } from "@/lib/client/use-model-actions";
import type { TrainingRunView } from "@/lib/server/models/model-views";
import { TrainingProgress } from "./training-progress";

/** What a run trains on, from its request: a symbol and interval of stored bars, or an uploaded dataset. */
function dataLabel(request: unknown): string {
  const data = (request as { data?: { source?: string; symbol?: string; interval?: string } } | null)?.data;
  if (data?.source === "bars") return `${data.symbol} ${data.interval}`;
  return data?.source === "dataset" ? "uploaded dataset" : "—";
}

/** One training run; its owner or an admin (the only ones who see it) may cancel it while it works. */
export function TrainingRunRow({ run, canCancel }: { run: TrainingRunView; canCancel: boolean }) {
  const cancel = useCancelTraining();
  return (
    <tr data-testid="training-run-row" data-status={run.status}>
      <td>
        <TrainingProgress run={run} />
      </td>
      <td>{dataLabel(run.request)}</td>
      <td>{run.createdByEmail ?? "—"}</td>
      <td>{formatModelTime(run.createdAt)}</td>
      <td>
        {canCancel && isTrainingActive(run) ? (
          <button type="button" className="button button-small" disabled={cancel.isPending || run.cancelRequested} onClick={() => cancel.mutate(run.id)}>
            {run.cancelRequested ? "Cancelling…" : "Cancel training"}
          </button>
        ) : null}
        {cancel.error ? (
          <span className="inline-error" role="alert">
            {errorText(cancel.error)}
          </span>
        ) : null}
      </td>
    </tr>
  );
}
