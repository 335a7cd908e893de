import { queryOptions } from "@tanstack/react-query";
import { getJson } from "@/lib/client/api-client";
import type { ModelVersionView, TrainingRunView } from "@/lib/server/models/model-views";

/** A training run is a server job: polled once a second while it is queued or running. */
export const TRAINING_POLL_MS = 1_000;

export const modelKeys = {
  all: ["models"] as const,
  versions: ["models", "versions"] as const,
};

export function isTrainingActive(run: Pick<TrainingRunView, "status">): boolean {
  return run.status === "queued" || run.status === "running";
}

export const modelVersionsQuery = () =>
  queryOptions({
    queryKey: modelKeys.versions,
    queryFn: ({ signal }) => getJson<{ versions: ModelVersionView[] }>("/api/models", { signal }),
    staleTime: 0,
  });
