"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { getJson } from "@/lib/client/api-client";
import { sendJson } from "@/lib/client/api-send";
import type { JobScheduleView } from "@/lib/server/admin/jobs";

const JOBS_KEY = ["admin", "jobs"] as const;

/** Polled: runs start and finish in the background. */
export function useJobs() {
  return useQuery({ queryKey: JOBS_KEY, queryFn: ({ signal }) => getJson<{ jobs: JobScheduleView[] }>("/api/admin/jobs", { signal }), refetchInterval: 3_000 });
}

export function useRunJobNow() {
  const queryClient = useQueryClient();
  return useMutation<{ jobId: string }, Error, string>({
    mutationFn: (name) => sendJson<{ jobId: string }>(`/api/admin/jobs/${encodeURIComponent(name)}/run`, "POST"),
    onSettled: () => queryClient.invalidateQueries({ queryKey: JOBS_KEY }),
  });
}
