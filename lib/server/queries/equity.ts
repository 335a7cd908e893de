import { and, asc, eq, gte, lte, type SQL } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { plain } from "@/lib/db/mappers";
import { accountSnapshots } from "@/lib/db/schema";
import type { EquityPoint } from "@/lib/domain/account";

/** The equity curve from periodic account snapshots, thinned to at most `limit` points. */
export async function getEquityCurve(
  db: Database,
  params: { accountId: string; from?: number; to?: number; limit: number },
): Promise<EquityPoint[]> {
  const where: SQL[] = [eq(accountSnapshots.accountId, params.accountId)];
  if (params.from !== undefined) where.push(gte(accountSnapshots.ts, new Date(params.from)));
  if (params.to !== undefined) where.push(lte(accountSnapshots.ts, new Date(params.to)));
  const rows = await db.select({ ts: accountSnapshots.ts, equity: accountSnapshots.equity })
    .from(accountSnapshots).where(and(...where)).orderBy(asc(accountSnapshots.ts));
  const step = Math.max(1, Math.ceil(rows.length / params.limit));
  const thinned = rows.filter((_, i) => i % step === 0 || i === rows.length - 1);
  return thinned.map((r) => ({ ts: r.ts.getTime(), equity: plain(r.equity) }));
}
