import "server-only";
import { Decimal } from "decimal.js";
import type { RiskLimits } from "@/lib/domain/account";
import type { DatabaseHandle } from "@/lib/db/client";
import { latestPrices } from "@/lib/engine/persistence/latest-prices";
import { loadEquityMarks } from "@/lib/engine/persistence/risk-store";

/** How much of one limit is in use: `used / limit` as a fraction (above 1 is a breach), both as decimal strings. */
export interface LimitUtilisation {
  limit: keyof RiskLimits;
  label: string;
  symbol?: string;
  used: string;
  max: string;
  fraction: number;
}

interface Figures {
  equity: Decimal;
  startOfDay: Decimal;
  /** Loss counts from here: the start of the day, or the equity at a re-arm later that day (as the engine counts). */
  lossBaseline: Decimal;
  peak: Decimal;
  positions: Array<{ symbol: string; value: Decimal }>;
  openOrders: Decimal;
  ordersLastMinute: number;
}

async function figures(database: DatabaseHandle, accountId: string, now: Date): Promise<Figures> {
  const dayStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const [snapshot] = await database.query<{ equity: string | null; start: string | null; peak: string | null }>(
    `select (select equity::text from account_snapshots where account_id = $1 order by ts desc limit 1) as equity,
            (select equity::text from account_snapshots where account_id = $1 and ts >= $2 order by ts limit 1) as start,
            (select max(equity)::text from account_snapshots where account_id = $1) as peak`,
    [accountId, dayStart.toISOString()],
  );
  const held = await database.query<{ symbol: string; quantity: string }>("select symbol, quantity::text from positions where account_id = $1 and quantity <> 0", [accountId]);
  const marks = await latestPrices(database, held.map((p) => p.symbol));
  const [orders] = await database.query<{ open: string | null; recent: number }>(
    `select (select sum((quantity - filled_quantity) * coalesce(price, 0))::text from orders where account_id = $1 and status in ('ACCEPTED', 'PARTIALLY_FILLED')) as open,
            (select count(*)::int from orders where account_id = $1 and created_at >= $2) as recent`,
    [accountId, new Date(now.getTime() - 60_000).toISOString()],
  );
  const equity = new Decimal(snapshot?.equity ?? 0);
  // The engine's own baselines when it has saved today's; the snapshots stand in before its first save.
  const stored = await loadEquityMarks(database.db, accountId);
  const baselines = stored && stored.day === Math.floor(now.getTime() / 86_400_000) ? stored : null;
  const startOfDay = new Decimal(baselines?.startOfDay ?? snapshot?.start ?? equity);
  return {
    equity, startOfDay, lossBaseline: baselines ? new Decimal(baselines.lossBaseline) : startOfDay, peak: new Decimal(baselines?.peak ?? snapshot?.peak ?? equity),
    positions: held.map((p) => ({ symbol: p.symbol, value: new Decimal(p.quantity).abs().mul(marks[p.symbol] ?? 0) })),
    openOrders: new Decimal(orders?.open ?? 0), ordersLastMinute: orders?.recent ?? 0,
  };
}

const row = (limit: keyof RiskLimits, label: string, used: Decimal, max: Decimal, symbol?: string): LimitUtilisation => ({
  limit, label, symbol, used: used.toFixed(), max: max.toFixed(), fraction: max.isZero() ? (used.isZero() ? 0 : Infinity) : used.div(max).toNumber(),
});

/** Each limit that has a level to watch between orders, with how much of it is used now (from the stored state). */
export async function riskUtilisation(database: DatabaseHandle, accountId: string, limits: RiskLimits, now = new Date()): Promise<LimitUtilisation[]> {
  const f = await figures(database, accountId, now);
  const ofEquity = (value: Decimal) => (f.equity.isZero() ? new Decimal(0) : value.div(f.equity));
  const rows: LimitUtilisation[] = f.positions.map((p) =>
    row("maxPositionFraction", "Position, fraction of equity", ofEquity(p.value), new Decimal(limits.perSymbol?.[p.symbol]?.maxPositionFraction ?? limits.maxPositionFraction), p.symbol));
  const gross = f.positions.reduce((sum, p) => sum.add(p.value), new Decimal(0));
  if (limits.maxTotalPositionFraction) rows.push(row("maxTotalPositionFraction", "All positions, fraction of equity", ofEquity(gross), new Decimal(limits.maxTotalPositionFraction)));
  if (limits.maxOpenOrdersNotional) rows.push(row("maxOpenOrdersNotional", "Open orders, value", f.openOrders, new Decimal(limits.maxOpenOrdersNotional)));
  if (limits.maxDailyLossFraction) {
    const loss = f.startOfDay.isZero() ? new Decimal(0) : Decimal.max(0, f.lossBaseline.sub(f.equity).div(f.startOfDay));
    rows.push(row("maxDailyLossFraction", "Loss today, fraction of start-of-day equity", loss, new Decimal(limits.maxDailyLossFraction)));
  }
  if (limits.maxDrawdownFraction) {
    const drawdown = f.peak.isZero() ? new Decimal(0) : Decimal.max(0, f.peak.sub(f.equity).div(f.peak));
    rows.push(row("maxDrawdownFraction", "Drawdown from peak equity", drawdown, new Decimal(limits.maxDrawdownFraction)));
  }
  if (limits.maxOrdersPerMinute) rows.push(row("maxOrdersPerMinute", "Orders in the last minute", new Decimal(f.ordersLastMinute), new Decimal(limits.maxOrdersPerMinute)));
  return rows;
}
