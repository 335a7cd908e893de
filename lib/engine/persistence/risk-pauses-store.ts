import { and, asc, eq, gt } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { riskPauses } from "@/lib/db/schema";
import type { PauseCode, RiskPause } from "@/lib/risk/realtime/pause-book";

/** Pauses still in force at `now`, oldest first: a restart keeps a paused symbol paused. */
export async function loadActivePauses(db: Database, accountId: string, now: number): Promise<RiskPause[]> {
  const rows = await db.select().from(riskPauses)
    .where(and(eq(riskPauses.accountId, accountId), gt(riskPauses.until, new Date(now))))
    .orderBy(asc(riskPauses.id));
  return rows.map((r) => ({ symbol: r.symbol, code: r.code as PauseCode, reason: r.reason, until: r.until.getTime() }));
}

export async function savePause(db: Database, accountId: string, pause: RiskPause): Promise<void> {
  await db.insert(riskPauses).values({ accountId, symbol: pause.symbol, code: pause.code, reason: pause.reason, until: new Date(pause.until) });
}
