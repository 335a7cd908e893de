import "server-only";
import { and, asc, eq } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { plain } from "@/lib/db/mappers";
import { fills, orders } from "@/lib/db/schema";
import type { OrderSide } from "@/lib/domain/order";
import type { Execution } from "@/lib/fidelity/bar-executions";

export interface StrategyFillsParams {
  accountId: string;
  symbol: string;
  intervalMs: number;
}

// The runner names each order after the bar that decided it: s-<symbol>-<bar open time>.
const DECISION_BAR = /^s-[A-Z0-9]+-(\d+)$/;

/** The strategy's paper fills on a symbol, oldest first, each keyed by the bar whose close decided it. */
export async function strategyFills(db: Database, params: StrategyFillsParams): Promise<Execution[]> {
  const rows = await db
    .select({ clientOrderId: fills.clientOrderId, ts: fills.ts, side: fills.side, quantity: fills.quantity, price: fills.price, fee: fills.fee })
    .from(fills)
    .innerJoin(orders, eq(orders.id, fills.orderId))
    .where(and(eq(fills.accountId, params.accountId), eq(fills.symbol, params.symbol), eq(orders.source, "strategy")))
    .orderBy(asc(fills.ts), asc(fills.id));
  return rows.map((row) => {
    const named = DECISION_BAR.exec(row.clientOrderId);
    // An order not named by the runner is taken as decided on the bar before the one it filled in.
    const bar = named ? Number(named[1]) : Math.floor(row.ts.getTime() / params.intervalMs - 1) * params.intervalMs;
    return { bar, side: row.side as OrderSide, quantity: plain(row.quantity), price: plain(row.price), fee: plain(row.fee) };
  });
}
