import { and, desc, eq, inArray, lt, or, type SQL } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { orderFromRow } from "@/lib/db/mappers";
import { orders } from "@/lib/db/schema";
import { OPEN_STATUSES, type Order } from "@/lib/domain/order";
import type { Page } from "@/lib/api-types";
import { decodeCursor, encodeCursor } from "./cursor";

export interface ListOrdersParams {
  accountId: string;
  status: "open" | "all";
  symbol?: string;
  limit: number;
  cursor?: string;
}

/** Newest first, keyset-paginated on (created_at, id). */
export async function listOrders(db: Database, params: ListOrdersParams): Promise<Page<Order>> {
  const where: SQL[] = [eq(orders.accountId, params.accountId)];
  if (params.status === "open") where.push(inArray(orders.status, [...OPEN_STATUSES]));
  if (params.symbol) where.push(eq(orders.symbol, params.symbol));
  const cursor = decodeCursor(params.cursor);
  if (cursor) {
    const at = new Date(cursor.ts);
    where.push(or(lt(orders.createdAt, at), and(eq(orders.createdAt, at), lt(orders.id, cursor.id)))!);
  }
  const rows = await db.select().from(orders).where(and(...where))
    .orderBy(desc(orders.createdAt), desc(orders.id)).limit(params.limit + 1);
  const items = rows.slice(0, params.limit).map(orderFromRow);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > params.limit && last ? encodeCursor({ ts: last.createdAt, id: last.id }) : null };
}

export async function getOrder(db: Database, params: { accountId: string; orderId: string }): Promise<Order | undefined> {
  const [row] = await db.select().from(orders).where(and(eq(orders.accountId, params.accountId), eq(orders.id, params.orderId)));
  return row ? orderFromRow(row) : undefined;
}
