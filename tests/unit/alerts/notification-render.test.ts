import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { NotificationBell } from "@/components/notifications/notification-bell";
import { NotificationItem } from "@/components/notifications/notification-item";
import { notificationsQuery } from "@/components/notifications/notifications-query";
import type { NotificationView } from "@/lib/server/notifications/notification-view";

const notification = (over: Partial<NotificationView> = {}): NotificationView => ({
  id: 7, severity: "high", code: "kill_switch.engaged", title: "Kill switch engaged on demo", message: "ops engaged the kill switch.",
  detail: null, repeats: 0, createdAt: "2026-01-05T12:00:00.000Z", lastSeenAt: "2026-01-05T12:03:00.000Z", read: false, ...over,
});

function renderBell(unreadCount: number): string {
  const client = new QueryClient();
  client.setQueryData(notificationsQuery().queryKey, { items: [notification()], unreadCount });
  return renderToStaticMarkup(createElement(QueryClientProvider, { client }, createElement(NotificationBell)));
}

describe("the notification bell", () => {
  it("shows the unread count, capped at 99+, and nothing when all is read", () => {
    expect(renderBell(3)).toMatch(/data-testid="notification-count">3</);
    expect(renderBell(3)).toContain('aria-label="Notifications, 3 unread"');
    expect(renderBell(250)).toMatch(/data-testid="notification-count">99\+</);
    expect(renderBell(0)).not.toContain("notification-count");
  });

  it("shows an alert's severity colour, title, message, time and repeats, and a way to mark it read", () => {
    const unread = renderToStaticMarkup(createElement(NotificationItem, { notification: notification({ repeats: 4 }), onRead: () => {} }));
    expect(unread).toContain('class="badge badge-danger"');
    expect(unread).toContain("Kill switch engaged on demo");
    expect(unread).toContain("ops engaged the kill switch.");
    expect(unread).toContain('dateTime="2026-01-05T12:03:00.000Z"');
    expect(unread).toContain("repeated 4×");
    expect(unread).toContain("Mark read");

    const read = renderToStaticMarkup(createElement(NotificationItem, { notification: notification({ severity: "medium", read: true }), onRead: () => {} }));
    expect(read).toContain("badge-warning");
    expect(read).not.toContain("Mark read");
    expect(read).not.toContain("repeated");
  });
});
