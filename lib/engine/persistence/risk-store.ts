import { eq } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { riskEvents, riskState } from "@/lib/db/schema";
import type { RiskStateName } from "@/lib/domain/account";

export interface StoredRiskState {
  state: RiskStateName;
  reason: string | null;
  updatedAt: number;
}

/** The risk state survives restarts: a HALTED account stays halted until someone re-arms it. */
export async function loadRiskState(db: Database, accountId: string): Promise<StoredRiskState> {
  const [row] = await db.select().from(riskState).where(eq(riskState.accountId, accountId));
  if (!row) return { state: "ACTIVE", reason: null, updatedAt: 0 };
  return { state: row.state as RiskStateName, reason: row.reason, updatedAt: row.updatedAt.getTime() };
}

export async function saveRiskState(db: Database, accountId: string, value: StoredRiskState): Promise<void> {
  const row = { accountId, state: value.state, reason: value.reason, updatedAt: new Date(value.updatedAt) };
  await db.insert(riskState).values(row).onConflictDoUpdate({ target: riskState.accountId, set: row });
}

export async function recordRiskEvent(
  db: Database,
  event: { accountId: string; code: string; message: string; detail?: Record<string, unknown> },
): Promise<void> {
  await db.insert(riskEvents).values({ ...event, detail: event.detail ?? null, ts: new Date() });
}
