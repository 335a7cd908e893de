import "server-only";
import { BAR_INTERVALS } from "@/lib/domain/market-data";
import type { DashboardConfig } from "@/lib/dashboard-config";
import type { Actor } from "@/lib/auth/actor";
import type { ServerContext } from "./context";
import { engineHeartbeat } from "./queries/system";

/** What the overview page needs at load; the rest comes from the API and live events. */
export async function getDashboardConfig(ctx: ServerContext, actor: Actor): Promise<DashboardConfig> {
  const heartbeat = await engineHeartbeat(ctx.database);
  const feeds = heartbeat?.feeds ?? [];
  const symbols = [...new Set(feeds.flatMap((f) => f.symbols))];
  return {
    accountId: actor.accountId,
    user: { email: actor.email, role: actor.role },
    symbols: symbols.length > 0 ? symbols : ctx.config.SIM_SYMBOLS,
    intervals: [...BAR_INTERVALS],
    defaultInterval: "1m",
    feeds,
    realtimeUrl: ctx.config.NEXT_PUBLIC_REALTIME_URL ?? null,
    mode: ctx.mode,
    tradingMode: ctx.config.TRADING_MODE,
  };
}
