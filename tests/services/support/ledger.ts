import type { Sql } from "postgres";

/** One consistent picture of an account's books, read in a single snapshot while the worker may still write. */
export interface LedgerSnapshot {
  orders: { id: string; clientOrderId: string; status: string; type: string; source: string; quantity: string; filledQuantity: string }[];
  duplicateClientOrderIds: { clientOrderId: string; copies: number }[];
  /** Symbols whose stored position differs from the signed sum of their fills. */
  positionMismatches: { symbol: string; position: string; fills: string }[];
  /** Stored cash and fees against what the fills say they must be, to the last digit (trailing zeros trimmed). */
  cash: { stored: string; fromFills: string };
  fees: { stored: string; fromFills: string };
  /** Orders whose filled quantity differs from the sum of their fills. */
  filledQuantityMismatches: { orderId: string; filledQuantity: string; fills: string }[];
  /** Fills whose order is missing or names another client order id. */
  orphanFills: string[];
  fillCount: number;
  fillsByOrder: Map<string, number>;
}

/** Reads everything in one repeatable-read, read-only transaction, so a fill is seen with all its effects or none. */
export async function readLedger(sql: Sql, accountId: string): Promise<LedgerSnapshot> {
  const result = await sql.begin("isolation level repeatable read read only", async (tx) => {
    const orders = await tx<LedgerSnapshot["orders"]>`
      select id::text as "id", client_order_id as "clientOrderId", status, type, source,
             trim_scale(quantity)::text as "quantity", trim_scale(filled_quantity)::text as "filledQuantity"
      from orders where account_id = ${accountId}`;
    const duplicates = await tx<{ clientOrderId: string; copies: number }[]>`
      select client_order_id as "clientOrderId", count(*)::int as copies from orders
      where account_id = ${accountId} group by client_order_id having count(*) > 1`;
    const positions = await tx<LedgerSnapshot["positionMismatches"]>`
      with f as (
        select symbol, sum(case when side = 'BUY' then quantity else -quantity end) as q from fills where account_id = ${accountId} group by symbol
      ), p as (select symbol, quantity from positions where account_id = ${accountId})
      select coalesce(f.symbol, p.symbol) as symbol, trim_scale(coalesce(p.quantity, 0))::text as position, trim_scale(coalesce(f.q, 0))::text as fills
      from f full outer join p on p.symbol = f.symbol
      where coalesce(f.q, 0) <> coalesce(p.quantity, 0)`;
    const [money] = await tx<{ cash: string; expectedCash: string; fees: string; expectedFees: string }[]>`
      select trim_scale(a.cash)::text as cash,
             trim_scale(a.initial_cash
               - coalesce(sum(case when f.side = 'BUY' then f.quantity * f.price else 0 end), 0)
               + coalesce(sum(case when f.side = 'SELL' then f.quantity * f.price else 0 end), 0)
               - coalesce(sum(f.fee), 0))::text as "expectedCash",
             trim_scale(a.fees)::text as fees, trim_scale(coalesce(sum(f.fee), 0))::text as "expectedFees"
      from accounts a left join fills f on f.account_id = a.id
      where a.id = ${accountId} group by a.id`;
    const filled = await tx<LedgerSnapshot["filledQuantityMismatches"]>`
      select o.id::text as "orderId", trim_scale(o.filled_quantity)::text as "filledQuantity", trim_scale(coalesce(sum(f.quantity), 0))::text as fills
      from orders o left join fills f on f.order_id = o.id
      where o.account_id = ${accountId}
      group by o.id having o.filled_quantity <> coalesce(sum(f.quantity), 0)`;
    const orphans = await tx<{ id: string }[]>`
      select f.id from fills f left join orders o on o.id = f.order_id
      where f.account_id = ${accountId} and (o.id is null or o.client_order_id <> f.client_order_id)`;
    const perOrder = await tx<{ orderId: string; fills: number }[]>`
      select order_id::text as "orderId", count(*)::int as fills from fills where account_id = ${accountId} group by order_id`;
    return { orders, duplicates, positions, money, filled, orphans, perOrder };
  });
  if (!result.money) throw new Error(`Account ${accountId} does not exist: did the worker ever start?`);
  return {
    orders: [...result.orders],
    duplicateClientOrderIds: [...result.duplicates],
    positionMismatches: [...result.positions],
    cash: { stored: result.money.cash, fromFills: result.money.expectedCash },
    fees: { stored: result.money.fees, fromFills: result.money.expectedFees },
    filledQuantityMismatches: [...result.filled],
    orphanFills: result.orphans.map((o) => o.id),
    fillCount: result.perOrder.reduce((sum, row) => sum + row.fills, 0),
    fillsByOrder: new Map(result.perOrder.map((row) => [row.orderId, row.fills])),
  };
}
