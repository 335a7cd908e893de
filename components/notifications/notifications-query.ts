import { queryOptions } from "@tanstack/react-query";
import { getJson, withQuery } from "@/lib/client/api-client";
import type { NotificationsResponse } from "@/lib/server/notifications/notification-view";

/** Alerts reach the app only through this poll; 10 s is prompt enough for a person watching the header. */
export const NOTIFICATIONS_POLL_MS = 10_000;
export const NOTIFICATIONS_SHOWN = 20;

export const notificationsKey = ["notifications"] as const;

export const notificationsQuery = () =>
  queryOptions({
    queryKey: notificationsKey,
    queryFn: ({ signal }) => getJson<NotificationsResponse>(withQuery("/api/notifications", { limit: NOTIFICATIONS_SHOWN }), { signal }),
    refetchInterval: NOTIFICATIONS_POLL_MS,
    staleTime: 0,
  });
