"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { riskQuery } from "@/lib/client/queries";
import { useAccountRoom } from "@/lib/client/use-account-room";
import { useSocketEvent } from "@/lib/client/use-socket";

/** Risk state from /api/risk, replaced by `risk` events. */
export function useLiveRisk() {
  const queryClient = useQueryClient();
  useAccountRoom();
  useSocketEvent("risk", (risk) => {
    queryClient.setQueryData(riskQuery().queryKey, (old) => ({ ...old, risk }));
  });
  return useQuery(riskQuery());
}
