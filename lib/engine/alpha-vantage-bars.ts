import type { Config } from "@/lib/config";
import type { Bar } from "@/lib/domain/market-data";
import { createRateGate } from "@/lib/runtime/rate-gate";
import { AlphaVantageFeed } from "@/lib/venues/alphavantage/alpha-vantage-feed";

/**
 * Alpha Vantage's intraday stock and FX bars, when MARKET_FEEDS lists it: stored and charted like the engine's own
 * bars. Its quota gates are shared through Redis in split mode, so every process together stays under the free tier.
 */
export function createAlphaVantageFeed(config: Config, onBar: (bar: Bar) => void): AlphaVantageFeed | null {
  if (!config.MARKET_FEEDS.includes("alphavantage") || !config.ALPHA_VANTAGE_API_KEY) return null;
  return new AlphaVantageFeed({
    apiKey: config.ALPHA_VANTAGE_API_KEY, url: config.ALPHA_VANTAGE_URL, symbols: config.ALPHA_VANTAGE_SYMBOLS, interval: config.ALPHA_VANTAGE_INTERVAL,
    callsPerMinute: config.ALPHA_VANTAGE_CALLS_PER_MINUTE, callsPerDay: config.ALPHA_VANTAGE_CALLS_PER_DAY,
    gate: (quota) => createRateGate({ ...quota, redisUrl: config.REDIS_URL }),
    onBar,
  });
}
