import { queryOptions } from "@tanstack/react-query";
import { getJson } from "@/lib/client/api-client";
import { isTrainingActive, modelKeys, TRAINING_POLL_MS } from "@/lib/client/model-queries";
import type { VersionMetrics } from "@/lib/server/models/metrics-service";
import type { TrainingRunView } from "@/lib/server/models/model-views";

/** Runs started elsewhere (a schedule, another user) appear within this time when nothing is running. */
const IDLE_POLL_MS = 5_000;
/** Signals resolve once a minute at most on the finest interval. */
const LIVE_METRICS_POLL_MS = 30_000;

export const trainingRunsKey = [...modelKeys.all, "training-runs"] as const;

export const trainingRunsQuery = () =>
  queryOptions({
    queryKey: trainingRunsKey,
    queryFn: ({ signal }) => getJson<{ runs: TrainingRunView[] }>("/api/models/train?limit=20", { signal }),
    refetchInterval: (query) => (query.state.data?.runs.some(isTrainingActive) ? TRAINING_POLL_MS : IDLE_POLL_MS),
    staleTime: 0,
  });

export const modelMetricsQuery = () =>
  queryOptions({
    queryKey: [...modelKeys.all, "metrics"] as const,
    queryFn: ({ signal }) => getJson<{ since: string; versions: VersionMetrics[] }>("/api/models/metrics", { signal }),
    refetchInterval: LIVE_METRICS_POLL_MS,
    staleTime: 0,
  });
