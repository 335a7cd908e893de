import { and, asc, eq, gte } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { plain } from "@/lib/db/mappers";
import { accounts, accountSnapshots, instruments, positions } from "@/lib/db/schema";
import type { Instrument } from "@/lib/domain/instrument";

export interface StoredAccount {
  id: string;
  currency: string;
  initialCash: string;
  cash: string;
  fees: string;
}

export interface StoredPosition {
  symbol: string;
  quantity: string;
  costBasis: string;
  realizedPnl: string;
  updatedAt: number;
}

export async function upsertInstruments(db: Database, list: readonly Instrument[]): Promise<void> {
  if (list.length === 0) return;
  await db.insert(instruments).values(list.map((i) => ({ ...i }))).onConflictDoNothing();
}

/** Creates the account with its starting cash the first time; later starts keep what is stored. */
export async function ensureAccount(db: Database, params: { accountId: string; currency: string; initialCash: string }): Promise<StoredAccount> {
  await db.insert(accounts).values({ id: params.accountId, currency: params.currency, initialCash: params.initialCash, cash: params.initialCash })
    .onConflictDoNothing();
  return (await loadAccount(db, params.accountId))!;
}

export async function loadAccount(db: Database, accountId: string): Promise<StoredAccount | undefined> {
  const [row] = await db.select().from(accounts).where(eq(accounts.id, accountId));
  if (!row) return undefined;
  return { id: row.id, currency: row.currency, initialCash: plain(row.initialCash), cash: plain(row.cash), fees: plain(row.fees) };
}

export async function loadPositions(db: Database, accountId: string): Promise<StoredPosition[]> {
  const rows = await db.select().from(positions).where(eq(positions.accountId, accountId)).orderBy(asc(positions.symbol));
  return rows.map((r) => ({ symbol: r.symbol, quantity: plain(r.quantity), costBasis: plain(r.costBasis), realizedPnl: plain(r.realizedPnl), updatedAt: r.updatedAt.getTime() }));
}

export async function writeSnapshot(
  db: Database,
  snapshot: { accountId: string; ts: number; equity: string; cash: string; unrealizedPnl: string; realizedPnl: string },
): Promise<void> {
  await db.insert(accountSnapshots).values({ ...snapshot, ts: new Date(snapshot.ts) }).onConflictDoNothing();
}

/** Equity at the first snapshot of the UTC day, the base of "today's P&L". */
export async function startOfDayEquity(db: Database, accountId: string, now: number): Promise<string | undefined> {
  const dayStart = new Date(Math.floor(now / 86_400_000) * 86_400_000);
  const [row] = await db.select({ equity: accountSnapshots.equity }).from(accountSnapshots)
    .where(and(eq(accountSnapshots.accountId, accountId), gte(accountSnapshots.ts, dayStart)))
    .orderBy(asc(accountSnapshots.ts)).limit(1);
  return row ? plain(row.equity) : undefined;
}
