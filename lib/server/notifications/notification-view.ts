import type { alerts } from "@/lib/db/schema";

/** An alert as one user sees it in the app: with whether they have read it since it last happened. */
export interface NotificationView {
  id: number;
  severity: string;
  code: string;
  title: string;
  message: string;
  detail: unknown;
  repeats: number;
  createdAt: string;
  lastSeenAt: string;
  read: boolean;
}

export interface NotificationsResponse {
  items: NotificationView[];
  unreadCount: number;
}

export interface MarkReadResponse {
  marked: number;
  unreadCount: number;
}

export function toNotificationView(alert: typeof alerts.$inferSelect, readAt: Date | null): NotificationView {
  return {
    id: alert.id,
    severity: alert.severity,
    code: alert.code,
    title: alert.title,
    message: alert.message,
    detail: alert.detail ?? null,
    repeats: alert.repeats,
    createdAt: alert.createdAt.toISOString(),
    lastSeenAt: alert.lastSeenAt.toISOString(),
    read: readAt !== null && readAt >= alert.lastSeenAt,
  };
}
