"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { RunRequest } from "@/lib/backtest/jobs/backtest-request";
import type { DatasetSummary, RunSummary } from "@/lib/backtest/jobs/run-view";
import { sendForm, sendJson } from "@/lib/client/api-send";
import { backtestKeys } from "@/lib/client/backtest-queries";

function runPath(id: string, action = ""): string {
  return `/api/backtests/${encodeURIComponent(id)}${action}`;
}

/** Every mutation refreshes the list, which starts polling again when a run is active. */
function useRunsMutation<TInput, TResult>(mutationFn: (input: TInput) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation<TResult, Error, TInput>({
    mutationFn,
    onSettled: () => queryClient.invalidateQueries({ queryKey: backtestKeys.all }),
  });
}

export function useStartRun() {
  return useRunsMutation((request: RunRequest) => sendJson<{ run: RunSummary }>("/api/backtests", "POST", request));
}

export function useCancelRun() {
  return useRunsMutation((id: string) => sendJson<{ run: RunSummary }>(runPath(id, "/cancel"), "POST"));
}

export function useDeleteRun() {
  const queryClient = useQueryClient();
  return useMutation<unknown, Error, string>({
    mutationFn: (id) => sendJson<unknown>(runPath(id), "DELETE"),
    // Only the list: refetching the deleted run itself would just answer 404.
    onSuccess: (_result, id) => queryClient.removeQueries({ queryKey: backtestKeys.run(id) }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: backtestKeys.runs }),
  });
}

export function useUploadDataset() {
  return useRunsMutation((file: File) => {
    const form = new FormData();
    form.set("file", file);
    return sendForm<{ dataset: DatasetSummary }>("/api/backtests/datasets", form);
  });
}

export function useDeleteDataset() {
  return useRunsMutation((id: string) => sendJson<unknown>(`/api/backtests/datasets/${encodeURIComponent(id)}`, "DELETE"));
}
