import { and, desc, eq, gte, inArray, like, sql } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { fillToRow, orderFromRow, orderToRow } from "@/lib/db/mappers";
import { accounts, fills, orderEvents, orders, positions } from "@/lib/db/schema";
import { OPEN_STATUSES, type Fill, type Order } from "@/lib/domain/order";

/** One position and the account totals after a fill, as exact decimal strings. */
export interface AccountingAfterFill {
  position: { symbol: string; quantity: string; costBasis: string; realizedPnl: string };
  account: { cash: string; fees: string };
}

export type InsertOrderResult = { inserted: true; order: Order } | { inserted: false; existing: Order };

/** Durable record of the trading path: intents, their state changes and fills, each change in one transaction. */
export class OrderJournal {
  constructor(private readonly db: Database) {}

  /** Persists the intent before anything leaves the process; a repeated client order id returns the first order. */
  async insertNew(order: Order): Promise<InsertOrderResult> {
    const inserted = await this.db.transaction(async (tx) => {
      const rows = await tx.insert(orders).values(orderToRow(order))
        .onConflictDoNothing({ target: [orders.accountId, orders.clientOrderId] }).returning({ id: orders.id });
      if (rows.length === 0) return false;
      await tx.insert(orderEvents).values({ orderId: order.id, event: "NEW", status: order.status, ts: new Date(order.createdAt), detail: { source: order.source } });
      return true;
    });
    if (inserted) return { inserted: true, order };
    return { inserted: false, existing: (await this.byClientOrderId(order.accountId, order.clientOrderId))! };
  }

  async recordStatus(order: Order, event: string, detail?: Record<string, unknown>): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.update(orders).set(orderToRow(order)).where(eq(orders.id, order.id));
      await tx.insert(orderEvents).values({ orderId: order.id, event, status: order.status, ts: new Date(order.updatedAt), detail: detail ?? null });
    });
  }

  /** Applies a fill exactly once: the fill, its order, the position and the cash move together or not at all. */
  async recordFill(order: Order, fill: Fill, after: AccountingAfterFill): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const inserted = await tx.insert(fills).values(fillToRow(fill)).onConflictDoNothing().returning({ id: fills.id });
      if (inserted.length === 0) return false;
      const at = new Date(fill.ts);
      await tx.update(orders).set(orderToRow(order)).where(eq(orders.id, order.id));
      await tx.insert(orderEvents).values({ orderId: order.id, event: "FILL", status: order.status, ts: at, detail: { fillId: fill.id, quantity: fill.quantity, price: fill.price } });
      const p = after.position;
      await tx.insert(positions).values({ accountId: fill.accountId, symbol: p.symbol, quantity: p.quantity, costBasis: p.costBasis, realizedPnl: p.realizedPnl, updatedAt: at })
        .onConflictDoUpdate({ target: [positions.accountId, positions.symbol], set: { quantity: p.quantity, costBasis: p.costBasis, realizedPnl: p.realizedPnl, updatedAt: at } });
      await tx.update(accounts).set({ ...after.account, updatedAt: at }).where(eq(accounts.id, fill.accountId));
      return true;
    });
  }

  async byId(accountId: string, orderId: string): Promise<Order | undefined> {
    const [row] = await this.db.select().from(orders).where(and(eq(orders.accountId, accountId), eq(orders.id, orderId)));
    return row ? orderFromRow(row) : undefined;
  }

  async byClientOrderId(accountId: string, clientOrderId: string): Promise<Order | undefined> {
    const [row] = await this.db.select().from(orders).where(and(eq(orders.accountId, accountId), eq(orders.clientOrderId, clientOrderId)));
    return row ? orderFromRow(row) : undefined;
  }

  async openOrders(accountId: string): Promise<Order[]> {
    const rows = await this.db.select().from(orders)
      .where(and(eq(orders.accountId, accountId), inArray(orders.status, [...OPEN_STATUSES])))
      .orderBy(orders.createdAt);
    return rows.map(orderFromRow);
  }

  /** Fills of a live venue (their ids start with the venue's name) since `since`, newest first. */
  async venueFills(accountId: string, venue: string, since: number): Promise<Array<{ id: string; ts: number }>> {
    const rows = await this.db.select({ id: fills.id, ts: fills.ts }).from(fills)
      .where(and(eq(fills.accountId, accountId), like(fills.id, `${venue}:%`), gte(fills.ts, new Date(since))))
      .orderBy(desc(fills.ts));
    return rows.map((r) => ({ id: r.id, ts: r.ts.getTime() }));
  }

  async countFills(accountId: string): Promise<number> {
    const [row] = await this.db.select({ n: sql<number>`count(*)::int` }).from(fills).where(eq(fills.accountId, accountId));
    return row?.n ?? 0;
  }
}
