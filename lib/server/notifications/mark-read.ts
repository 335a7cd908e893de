import "server-only";
import { and, inArray, sql } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { alertReads, alerts } from "@/lib/db/schema";
import { countUnread } from "./list-notifications";
import type { MarkReadResponse } from "./notification-view";
import { isUnread, readMarkOf } from "./read-marks";

export type MarkReadTarget = { ids: number[] } | { all: true };

/** Marks alerts read for one user; unknown ids are ignored. A later repeat of an alert makes it unread again. */
export async function markNotificationsRead(db: Database, userId: string, target: MarkReadTarget, at = new Date()): Promise<MarkReadResponse> {
  const which = "ids" in target ? inArray(alerts.id, target.ids) : isUnread;
  const marked = await db
    .insert(alertReads)
    .select(
      db
        .select({
          alertId: alerts.id,
          userId: sql<string>`${userId}::uuid`.as("user_id"),
          // Never before the alert's last occurrence, so a clock behind the alerter's cannot leave it unread.
          readAt: sql<Date>`greatest(${at.toISOString()}::timestamptz, ${alerts.lastSeenAt})`.as("read_at"),
        })
        .from(alerts)
        .leftJoin(alertReads, readMarkOf(userId))
        .where(and(which)),
    )
    .onConflictDoUpdate({ target: [alertReads.alertId, alertReads.userId], set: { readAt: sql`excluded.read_at` } })
    .returning({ alertId: alertReads.alertId });
  return { marked: marked.length, unreadCount: await countUnread(db, userId) };
}
