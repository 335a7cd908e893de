import { and, desc, eq } from "drizzle-orm";
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

/** The risk event whose detail holds the real-time loop's equity baselines (start of day, loss baseline, peak). */
export const EQUITY_MARKS_EVENT = "EQUITY_MARKS";

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

/** The latest saved baselines, or null (first start, or a row that does not parse: the loop then starts afresh). */
export async function loadEquityMarks(db: Database, accountId: string): Promise<EquityMarks | null> {
  const [row] = await db.select({ detail: riskEvents.detail }).from(riskEvents)
    .where(and(eq(riskEvents.accountId, accountId), eq(riskEvents.code, EQUITY_MARKS_EVENT)))
    .orderBy(desc(riskEvents.id)).limit(1);
  const parsed = equityMarksSchema.safeParse(row?.detail);
  return parsed.success ? parsed.data : null;
}

export async function saveEquityMarks(db: Database, accountId: string, marks: EquityMarks): Promise<void> {
  await recordRiskEvent(db, { accountId, code: EQUITY_MARKS_EVENT, message: "Equity baselines of the real-time risk checks", detail: { ...marks } });
}
