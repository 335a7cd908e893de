import "server-only";
import { and, eq, isNull, lt, or } from "drizzle-orm";
import { alertReads, alerts } from "@/lib/db/schema";

/** Joins each alert to the given user's read mark (alert_reads), if any. */
export const readMarkOf = (userId: string) => and(eq(alertReads.alertId, alerts.id), eq(alertReads.userId, userId));

/** Unread: never read, or it happened again (a repeat) after it was read. */
export const isUnread = or(isNull(alertReads.readAt), lt(alertReads.readAt, alerts.lastSeenAt));
