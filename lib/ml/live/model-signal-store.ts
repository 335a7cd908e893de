import type { Database } from "@/lib/db/client";
import { modelSignals } from "@/lib/db/schema";
import type { LiveCall } from "./live-call";

/** Keeps a live call; a second write of the same version and bar (a restart re-deciding it) is dropped. */
export async function storeLiveCall(db: Database, call: LiveCall, target: string | null): Promise<void> {
  const { version, bar, signal } = call;
  await db.insert(modelSignals).values({
    versionId: version.id, role: version.role, symbol: bar.symbol, interval: bar.interval, ts: new Date(bar.openTime),
    direction: signal.direction, confidence: signal.confidence, votes: signal.votes, close: String(bar.close),
    horizon: call.horizon, deadZone: call.deadZone, target,
  }).onConflictDoNothing();
}
