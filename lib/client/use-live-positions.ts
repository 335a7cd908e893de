"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { positionsQuery } from "@/lib/client/queries";
import { useAccountRoom } from "@/lib/client/use-account-room";
import { useSocketEvent } from "@/lib/client/use-socket";

/** Positions from /api/positions; each `positions` event is the full list and replaces it. */
export function useLivePositions() {
  const queryClient = useQueryClient();
  useAccountRoom();
  useSocketEvent("positions", (positions) => {
    queryClient.setQueryData(positionsQuery().queryKey, { positions });
  });
  return useQuery(positionsQuery());
}
