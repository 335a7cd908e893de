import { and, desc, eq, gt, sql } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { alertDeliveries, alerts } from "@/lib/db/schema";
import type { ValidAlertInput } from "./alert-input";
import type { AlertChannel } from "./channels";

export interface StoredAlert {
  id: number;
  /** True when this was a repeat within the dedupe window: no new alert, no new message. */
  repeated: boolean;
  repeats: number;
}

interface StoreOptions {
  at: Date;
  dedupeWindowMs: number;
  channels: AlertChannel[];
}

/**
 * Stores an alert and queues one delivery per channel, or bumps the alert of the same dedupe key raised within
 * the window. Serialized per key so two processes raising the same alert at once still make one.
 */
export function storeAlert(db: Database, input: ValidAlertInput & { dedupeKey: string }, options: StoreOptions): Promise<StoredAlert> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`alert:${input.dedupeKey}`}, 0))`);
    const since = new Date(options.at.getTime() - options.dedupeWindowMs);
    const [recent] = await tx
      .select({ id: alerts.id })
      .from(alerts)
      .where(and(eq(alerts.dedupeKey, input.dedupeKey), gt(alerts.createdAt, since)))
      .orderBy(desc(alerts.createdAt))
      .limit(1);
    if (recent) {
      const [bumped] = await tx
        .update(alerts)
        .set({ repeats: sql`${alerts.repeats} + 1`, lastSeenAt: options.at })
        .where(eq(alerts.id, recent.id))
        .returning({ id: alerts.id, repeats: alerts.repeats });
      return { id: bumped!.id, repeated: true, repeats: bumped!.repeats };
    }
    const [created] = await tx
      .insert(alerts)
      .values({ ...input, detail: input.detail ?? null, createdAt: options.at, lastSeenAt: options.at })
      .returning({ id: alerts.id });
    if (options.channels.length > 0) {
      await tx.insert(alertDeliveries).values(options.channels.map((channel) => ({ alertId: created!.id, channel, nextAttemptAt: options.at })));
    }
    return { id: created!.id, repeated: false, repeats: 0 };
  });
}
