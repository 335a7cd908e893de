import type { BarInterval, FeedStatus } from "@/lib/domain/market-data";

/** What the server tells the dashboard at page load (no secrets). */
export interface DashboardConfig {
  accountId: string;
  symbols: string[];
  intervals: BarInterval[];
  defaultInterval: BarInterval;
  feeds: FeedStatus[];
  /** Where the browser finds Socket.IO (path /ui); null means the page's own origin. */
  realtimeUrl: string | null;
  mode: "embedded" | "split";
  tradingMode: "paper" | "live";
}
