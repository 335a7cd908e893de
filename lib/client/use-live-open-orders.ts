"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import type { OrdersResponse } from "@/lib/api-types";
import { OPEN_STATUSES, type Order } from "@/lib/domain/order";
import { openOrdersQuery, queryKeys } from "@/lib/client/queries";
import { useAccountRoom } from "@/lib/client/use-account-room";
import { useSocketEvent } from "@/lib/client/use-socket";

export function applyOrderEvent(page: OrdersResponse, order: Order): OrdersResponse {
  const others = page.items.filter((o) => o.id !== order.id);
  if (!OPEN_STATUSES.includes(order.status)) return { ...page, items: others };
  const existing = page.items.findIndex((o) => o.id === order.id);
  if (existing === -1) return { ...page, items: [order, ...others] };
  const items = [...page.items];
  items[existing] = order;
  return { ...page, items };
}

/** Open orders from /api/orders?status=open; `order` events patch the list at once, then a refetch confirms it. */
export function useLiveOpenOrders() {
  const queryClient = useQueryClient();
  useAccountRoom();
  useSocketEvent("order", (order) => {
    queryClient.setQueryData(openOrdersQuery().queryKey, (old) => (old ? applyOrderEvent(old, order) : old));
    void queryClient.invalidateQueries({ queryKey: queryKeys.openOrders }, { cancelRefetch: false });
  });
  return useQuery(openOrdersQuery());
}
