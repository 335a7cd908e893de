import { and, asc, count, eq, gt, lte, sql } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { alertDeliveries, alerts } from "@/lib/db/schema";
import type { AlertRow } from "./alert-message";
import type { AlertChannel } from "./channels";

/** The queue of one channel's messages, as rows: they survive restarts and are sent strictly in order. */
export interface QueuedDelivery {
  id: number;
  attempts: number;
  nextAttemptAt: Date;
  alert: AlertRow;
}

/** The oldest undelivered message of a channel: nothing behind it is sent before it, so order is kept. */
export async function headOfQueue(db: Database, channel: AlertChannel): Promise<QueuedDelivery | undefined> {
  const [row] = await db
    .select({ id: alertDeliveries.id, attempts: alertDeliveries.attempts, nextAttemptAt: alertDeliveries.nextAttemptAt, alert: alerts })
    .from(alertDeliveries)
    .innerJoin(alerts, eq(alerts.id, alertDeliveries.alertId))
    .where(and(eq(alertDeliveries.channel, channel), eq(alertDeliveries.status, "pending")))
    .orderBy(asc(alertDeliveries.id))
    .limit(1);
  return row;
}

/**
 * Takes a due delivery for one attempt by pushing its next attempt to `leaseUntil`; false when another worker
 * took it first. A worker that dies mid-send leaves it to be retried once the lease is over.
 */
export async function claimDelivery(db: Database, id: number, at: Date, leaseUntil: Date): Promise<boolean> {
  const claimed = await db
    .update(alertDeliveries)
    .set({ nextAttemptAt: leaseUntil })
    .where(and(eq(alertDeliveries.id, id), eq(alertDeliveries.status, "pending"), lte(alertDeliveries.nextAttemptAt, at)))
    .returning({ id: alertDeliveries.id });
  return claimed.length === 1;
}

export async function markDelivered(db: Database, id: number, at: Date): Promise<void> {
  await db
    .update(alertDeliveries)
    .set({ status: "delivered", attempts: sql`${alertDeliveries.attempts} + 1`, deliveredAt: at, lastError: null })
    .where(eq(alertDeliveries.id, id));
}

export async function scheduleRetry(db: Database, id: number, nextAttemptAt: Date, error: string): Promise<void> {
  await db
    .update(alertDeliveries)
    .set({ attempts: sql`${alertDeliveries.attempts} + 1`, nextAttemptAt, lastError: error.slice(0, 1000) })
    .where(eq(alertDeliveries.id, id));
}

/** Messages a channel was sent since `since`: the rate limit's sliding window. */
export async function deliveredSince(db: Database, channel: AlertChannel, since: Date): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(alertDeliveries)
    .where(and(eq(alertDeliveries.channel, channel), eq(alertDeliveries.status, "delivered"), gt(alertDeliveries.deliveredAt, since)));
  return row?.n ?? 0;
}
