"use client";

import { useEffect, useRef } from "react";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { modelKeys } from "@/lib/client/model-queries";
import { DataTable } from "@/components/ui/data-table";
import { QueryStatus } from "@/components/ui/query-status";
import { trainingRunsQuery } from "./model-page-queries";
import { TrainingRunRow } from "./training-run-row";

const COLUMNS = [{ label: "Progress" }, { label: "Data" }, { label: "Started by" }, { label: "Created" }, { label: "Actions", hidden: true }];

/** Every run the user may see, newest first: started here, by a schedule, or (for an admin) by anyone. */
export function TrainingRuns({ canCancel }: { canCancel: boolean }) {
  const { data, isPending, error } = useQuery(trainingRunsQuery());
  const runs = data?.runs ?? [];
  const completed = runs.filter((r) => r.status === "completed").length;
  const seen = useRef(completed);
  const queryClient = useQueryClient();
  // A run that completes adds versions: the list shows them as soon as it ends.
  useEffect(() => {
    if (completed > seen.current) void queryClient.invalidateQueries({ queryKey: modelKeys.versions });
    seen.current = completed;
  }, [completed, queryClient]);
  return (
    <>
      <QueryStatus isPending={isPending} error={error} label="training runs" />
      <DataTable label="Training runs" testId="training-runs" columns={COLUMNS} empty={data && runs.length === 0 ? "No training runs yet." : null}>
        {runs.map((run) => (
          <TrainingRunRow key={run.id} run={run} canCancel={canCancel} />
        ))}
      </DataTable>
    </>
  );
}
