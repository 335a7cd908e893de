"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { cancelOrderAction, placeOrderAction } from "@/app/actions";
import type { ActionResult } from "@/lib/api-types";
import { sendJson } from "@/lib/client/api-send";
import type { Order, OrderSide, OrderType } from "@/lib/domain/order";
import { queryKeys } from "@/lib/client/queries";

export interface PlaceOrderInput {
  symbol: string;
  side: OrderSide;
  type: OrderType;
  quantity: string;
  price?: string;
  clientOrderId: string;
}

/** Places an order through the server action; the result (never thrown) says accepted or why not. */
export function usePlaceOrder() {
  const queryClient = useQueryClient();
  return useMutation<ActionResult<Order>, Error, PlaceOrderInput>({
    mutationFn: (input) => placeOrderAction(input),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.openOrders }),
  });
}

export function useCancelOrder() {
  const queryClient = useQueryClient();
  return useMutation<ActionResult<Order>, Error, string>({
    mutationFn: (orderId) => cancelOrderAction(orderId),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.openOrders }),
  });
}

export interface AmendOrderInput {
  orderId: string;
  quantity?: string;
  price?: string;
}

/** PATCH /api/orders/:id; a refusal throws an ApiRequestError with the server's code and message. */
export function useAmendOrder() {
  const queryClient = useQueryClient();
  return useMutation<{ order: Order }, Error, AmendOrderInput>({
    mutationFn: ({ orderId, ...change }) => sendJson<{ order: Order }>(`/api/orders/${encodeURIComponent(orderId)}`, "PATCH", change),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.openOrders }),
  });
}
