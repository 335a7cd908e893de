import { and, desc, eq, gte, lt, lte, or, type SQL } from "drizzle-orm";
import type { Page } from "@/lib/api-types";
import type { Database } from "@/lib/db/client";
import { fillFromRow } from "@/lib/db/mappers";
import { fills } from "@/lib/db/schema";
import type { Fill } from "@/lib/domain/order";
import { decodeCursor, encodeCursor } from "./cursor";

export interface ListFillsParams {
  accountId: string;
  symbol?: string;
  from?: number;
  to?: number;
  limit: number;
  cursor?: string;
}

/** The account's executions, newest first, keyset-paginated on (ts, id). */
export async function listFills(db: Database, params: ListFillsParams): Promise<Page<Fill>> {
  const where: SQL[] = [eq(fills.accountId, params.accountId)];
  if (params.symbol) where.push(eq(fills.symbol, params.symbol));
  if (params.from !== undefined) where.push(gte(fills.ts, new Date(params.from)));
  if (params.to !== undefined) where.push(lte(fills.ts, new Date(params.to)));
  const cursor = decodeCursor(params.cursor);
  if (cursor) {
    const at = new Date(cursor.ts);
    where.push(or(lt(fills.ts, at), and(eq(fills.ts, at), lt(fills.id, cursor.id)))!);
  }
  const rows = await db.select().from(fills).where(and(...where)).orderBy(desc(fills.ts), desc(fills.id)).limit(params.limit + 1);
  const items = rows.slice(0, params.limit).map(fillFromRow);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > params.limit && last ? encodeCursor({ ts: last.ts, id: last.id }) : null };
}
