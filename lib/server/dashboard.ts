import "server-only";
import { isLiveMode, orderVenue, symbolVenues, type Config } from "@/lib/config";
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
    tradingMode: isLiveMode(ctx.config) ? "live" : "paper",
    liveRoutes: liveRoutes(ctx.config, symbols),
  };
}

/** Every symbol the engine may route to a real venue, not only those a feed shows now: the banner errs on the side of warning. */
export function liveRoutes(config: Config, shown: readonly string[]): DashboardConfig["liveRoutes"] {
  if (!isLiveMode(config)) return [];
  const symbols = new Set([...shown, ...config.SIM_SYMBOLS, ...config.BYBIT_SYMBOLS, ...config.MT5_SYMBOLS, ...symbolVenues(config).keys()]);
  return [...symbols].map((symbol) => ({ symbol, venue: orderVenue(config, symbol) })).filter((r) => r.venue !== "paper");
}
