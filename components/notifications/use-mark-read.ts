"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { sendJson } from "@/lib/client/api-send";
import type { MarkReadResponse } from "@/lib/server/notifications/notification-view";
import { notificationsKey } from "./notifications-query";

/** Marks some notifications (ids) or all of them read for the signed-in user, then refreshes the bell. */
export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation<MarkReadResponse, Error, { ids: number[] } | { all: true }>({
    mutationFn: (target) => sendJson<MarkReadResponse>("/api/notifications/read", "POST", target),
    onSettled: () => queryClient.invalidateQueries({ queryKey: notificationsKey }),
  });
}
