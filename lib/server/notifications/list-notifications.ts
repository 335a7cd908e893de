import "server-only";
import { count, desc } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { alertReads, alerts } from "@/lib/db/schema";
import { type NotificationsResponse, toNotificationView } from "./notification-view";
import { isUnread, readMarkOf } from "./read-marks";

/** Every alert (alerts are system-wide), most recently seen first, with this user's read state and unread count. */
export async function listNotifications(db: Database, { userId, unread, limit }: { userId: string; unread: boolean; limit: number }): Promise<NotificationsResponse> {
  const [rows, unreadCount] = await Promise.all([
    db
      .select({ alert: alerts, readAt: alertReads.readAt })
      .from(alerts)
      .leftJoin(alertReads, readMarkOf(userId))
      .where(unread ? isUnread : undefined)
      .orderBy(desc(alerts.lastSeenAt), desc(alerts.id))
      .limit(limit),
    countUnread(db, userId),
  ]);
  return { items: rows.map((r) => toNotificationView(r.alert, r.readAt)), unreadCount };
}

export async function countUnread(db: Database, userId: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(alerts).leftJoin(alertReads, readMarkOf(userId)).where(isUnread);
  return row?.n ?? 0;
}
