"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { PromotionTarget } from "@/lib/ml/registry/model-status";
import type { TrainingRequest } from "@/lib/ml/training/training-request";
import type { ModelVersionView, TrainingRunView } from "@/lib/server/models/model-views";
import { sendJson } from "@/lib/client/api-send";
import { modelKeys } from "@/lib/client/model-queries";

/** The request as the form sends it: the server fills every left-out field with the schema's default. */
export type TrainingRequestBody = Pick<TrainingRequest, "data" | "seed" | "horizon" | "deadZone"> & {
  forest?: Partial<TrainingRequest["forest"]>;
  lstm?: Partial<TrainingRequest["lstm"]>;
  dqn?: Partial<TrainingRequest["dqn"]>;
};

function useModelsMutation<TInput, TResult>(mutationFn: (input: TInput) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation<TResult, Error, TInput>({
    mutationFn,
    onSettled: () => queryClient.invalidateQueries({ queryKey: modelKeys.all }),
  });
}

export function useStartTraining() {
  return useModelsMutation((request: TrainingRequestBody) => sendJson<{ runId: string }>("/api/models/train", "POST", request));
}

export function useCancelTraining() {
  return useModelsMutation((id: string) => sendJson<{ run: TrainingRunView }>(`/api/models/train/${encodeURIComponent(id)}/cancel`, "POST"));
}

export function usePromoteModel() {
  return useModelsMutation(({ id, status }: { id: string; status: PromotionTarget }) =>
    sendJson<{ version: ModelVersionView; archived: string[] }>(`/api/models/${encodeURIComponent(id)}/promote`, "POST", { status }),
  );
}
