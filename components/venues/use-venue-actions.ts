"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { sendJson } from "@/lib/client/api-send";
import type { MismatchAction, ReconciliationState } from "@/lib/engine/live/mismatch";
import type { VenuesView } from "@/lib/server/venues/venue-status";
import { venuesQuery } from "./venues-query";

type ReconciliationAnswer = { reconciliation: ReconciliationState } | { reconciliations: ReconciliationState[] };

/** The answer is the venues' new reconciliation: shown at once, then the next poll brings the rest. */
function useVenuesMutation<V>(send: (value: V) => Promise<ReconciliationAnswer>) {
  const queryClient = useQueryClient();
  const { queryKey } = venuesQuery();
  return useMutation<ReconciliationAnswer, Error, V>({
    mutationFn: send,
    onSuccess: (answer) => {
      const states = "reconciliations" in answer ? answer.reconciliations : [answer.reconciliation];
      queryClient.setQueryData(queryKey, (old: VenuesView | undefined) => old && {
        ...old,
        venues: old.venues.map((v) => ({ ...v, reconciliation: states.find((s) => s.venue === v.venue) ?? v.reconciliation })),
      });
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey }),
  });
}

export function useReconcileNow() {
  return useVenuesMutation<void>(() => sendJson<ReconciliationAnswer>("/api/venues/reconcile", "POST"));
}

export function useResolveMismatch() {
  return useVenuesMutation<{ mismatchId: string; action: MismatchAction }>(({ mismatchId, action }) =>
    sendJson<ReconciliationAnswer>(`/api/venues/mismatches/${encodeURIComponent(mismatchId)}`, "POST", { action }));
}
