import type { Database } from "@/lib/db/client";
import { heartbeats } from "@/lib/db/schema";

export async function writeHeartbeat(db: Database, service: string, instance: string, info: Record<string, unknown>): Promise<void> {
  const row = { service, instance, at: new Date(), info };
  await db.insert(heartbeats).values(row).onConflictDoUpdate({ target: heartbeats.service, set: row });
}
