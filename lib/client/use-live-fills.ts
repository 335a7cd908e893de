"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import type { TradesResponse } from "@/lib/api-types";
import type { Fill } from "@/lib/domain/order";
import { FILLS_LIMIT, fillsQuery } from "@/lib/client/queries";
import { useAccountRoom } from "@/lib/client/use-account-room";
import { useSocketEvent } from "@/lib/client/use-socket";

export function prependFill(page: TradesResponse, fill: Fill): TradesResponse {
  if (page.items.some((f) => f.id === fill.id)) return page;
  return { ...page, items: [fill, ...page.items].slice(0, FILLS_LIMIT) };
}

/** The latest fills from /api/trades; `fill` events are prepended (once each). */
export function useLiveFills() {
  const queryClient = useQueryClient();
  useAccountRoom();
  useSocketEvent("fill", (fill) => {
    queryClient.setQueryData(fillsQuery().queryKey, (old) => (old ? prependFill(old, fill) : old));
  });
  return useQuery(fillsQuery());
}
