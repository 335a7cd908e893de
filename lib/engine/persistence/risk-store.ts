import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "@/lib/db/client";
import { riskEvents, riskState } from "@/lib/db/schema";
import type { RiskStateName } from "@/lib/domain/account";
import type { EquityMarks } from "@/lib/risk/realtime/equity-baselines";

export interface StoredRiskState {
  state: RiskStateName;
  reason: string | null;
  updatedAt: number;
}

const decimalString = z.string().regex(/^-?\d+(\.\d+)?(e[+-]?\d+)?$/i);
const equityMarksSchema = z.object({ day: z.number().int(), startOfDay: decimalString, lossBaseline: decimalString, peak: decimalString });

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

/** The saved baselines, or null (first start, or a value that does not parse: the loop then starts afresh). */
export async function loadEquityMarks(db: Database, accountId: string): Promise<EquityMarks | null> {
  const [row] = await db.select({ marks: riskState.equityMarks }).from(riskState).where(eq(riskState.accountId, accountId));
  const parsed = equityMarksSchema.safeParse(row?.marks);
  return parsed.success ? parsed.data : null;
}

/** One row per account, updated in place: the baselines move with every new peak, so they are no event log. */
export async function saveEquityMarks(db: Database, accountId: string, marks: EquityMarks): Promise<void> {
  await db.insert(riskState).values({ accountId, state: "ACTIVE", reason: null, updatedAt: new Date(0), equityMarks: { ...marks } })
    .onConflictDoUpdate({ target: riskState.accountId, set: { equityMarks: { ...marks } } });
}
