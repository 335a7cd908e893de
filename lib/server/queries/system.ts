import { eq } from "drizzle-orm";
import type { DatabaseHandle } from "@/lib/db/client";
import { heartbeats } from "@/lib/db/schema";
import type { FeedStatus } from "@/lib/domain/market-data";
import { OPEN_STATUSES } from "@/lib/domain/order";
import type { LiveVenueView } from "@/lib/engine/live/live-venues";

export interface EngineHeartbeat {
  at: number;
  state: string;
  feeds: FeedStatus[];
  /** Live mode: each real venue's connection and reconciliation at the heartbeat. */
  venues: LiveVenueView[];
}

export async function engineHeartbeat(database: DatabaseHandle): Promise<EngineHeartbeat | undefined> {
  const [row] = await database.db.select().from(heartbeats).where(eq(heartbeats.service, "engine"));
  if (!row) return undefined;
  const info = (row.info ?? {}) as { state?: string; feeds?: FeedStatus[]; venues?: LiveVenueView[] };
  return { at: row.at.getTime(), state: info.state ?? "unknown", feeds: info.feeds ?? [], venues: info.venues ?? [] };
}

export async function tableCounts(database: DatabaseHandle, accountId: string) {
  const open = OPEN_STATUSES.map((s) => `'${s}'`).join(",");
  const [row] = await database.query<{ orders: number; open_orders: number; fills: number; bars: number; ticks: number }>(
    `select (select count(*) from orders where account_id = $1)::int as orders,
            (select count(*) from orders where account_id = $1 and status in (${open}))::int as open_orders,
            (select count(*) from fills where account_id = $1)::int as fills,
            (select count(*) from bars)::int as bars,
            (select count(*) from ticks)::int as ticks`,
    [accountId],
  );
  return { orders: row!.orders, openOrders: row!.open_orders, fills: row!.fills, bars: row!.bars, ticks: row!.ticks };
}
