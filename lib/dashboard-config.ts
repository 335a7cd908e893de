import type { BarInterval, FeedStatus } from "@/lib/domain/market-data";
import type { Role } from "@/lib/domain/roles";

/** What the server tells the dashboard at page load (no secrets). */
export interface DashboardConfig {
  accountId: string;
  /** Who is signed in: the page shows only what this role may do (the server checks again). */
  user: { email: string; role: Role };
  symbols: string[];
  intervals: BarInterval[];
  defaultInterval: BarInterval;
  feeds: FeedStatus[];
  /** Where the browser finds Socket.IO (path /ui); null means the page's own origin. */
  realtimeUrl: string | null;
  mode: "embedded" | "split";
  /** "live" only when TRADING_MODE=live and ENABLE_LIVE_TRADING=true. */
  tradingMode: "paper" | "live";
  /** The symbols whose orders go to a real venue (empty in paper mode): what the LIVE banner names. */
  liveRoutes: Array<{ symbol: string; venue: string }>;
}
