import { asc } from "drizzle-orm";
import { createPglite, type DatabaseHandle } from "@/lib/db/client";
import { migrateDatabase } from "@/lib/db/migrate";
import { alertDeliveries, alerts } from "@/lib/db/schema";
import { logger } from "@/lib/logger";

export const silentLog = logger("alerts-test");

export async function alertDatabase(): Promise<DatabaseHandle> {
  const handle = await createPglite();
  await migrateDatabase(handle);
  return handle;
}

export async function clearAlerts(handle: DatabaseHandle): Promise<void> {
  await handle.db.delete(alerts);
}

export function deliveryRows(handle: DatabaseHandle) {
  return handle.db.select().from(alertDeliveries).orderBy(asc(alertDeliveries.id));
}

export function alertRows(handle: DatabaseHandle) {
  return handle.db.select().from(alerts).orderBy(asc(alerts.id));
}

/** A clock the test moves by hand, so backoff and windows are exact and instant. */
export function manualClock(start = Date.parse("2026-01-05T12:00:00Z")) {
  let t = start;
  return { now: () => new Date(t), advance: (ms: number) => void (t += ms), ms: () => t };
}
