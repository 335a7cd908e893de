import { queryOptions } from "@tanstack/react-query";
import { getJson } from "@/lib/client/api-client";
import type { ModelVersionView, TrainingRunView } from "@/lib/server/models/model-views";

/** A training run is a server job: polled once a second while it is queued or running. */
export const TRAINING_POLL_MS = 1_000;

export const modelKeys = {
  all: ["models"] as const,
  versions: ["models", "versions"] as const,
  training: (id: string) => ["models", "training", id] as const,
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

export const trainingRunQuery = (id: string) =>
  queryOptions({
    queryKey: modelKeys.training(id),
    queryFn: ({ signal }) => getJson<{ run: TrainingRunView }>(`/api/models/train/${encodeURIComponent(id)}`, { signal }),
    refetchInterval: (query) => {
      const run = query.state.data?.run;
      return !run || isTrainingActive(run) ? TRAINING_POLL_MS : false;
    },
    staleTime: 0,
  });
