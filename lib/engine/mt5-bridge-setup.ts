import { isLiveMode, orderVenue, type Config } from "@/lib/config";
import { Mt5Bridge } from "@/lib/venues/mt5/mt5-bridge";

/**
 * The engine's one client of the MetaTrader EA (two clients would steal each other's replies), shared by the MT5
 * price feed and the MT5 venue; null when neither is configured.
 */
export function createMt5Bridge(config: Config): Mt5Bridge | null {
  const routed = isLiveMode(config) && config.MT5_SYMBOLS.some((s) => orderVenue(config, s) === "mt5");
  if (!config.MARKET_FEEDS.includes("mt5") && !routed) return null;
  const trade = config.MT5_TRADE_TIMEOUT_MS;
  const bridge = new Mt5Bridge({
    host: config.MT5_ZMQ_HOST, pushPort: config.MT5_ZMQ_PUSH_PORT, pullPort: config.MT5_ZMQ_PULL_PORT, subPort: config.MT5_ZMQ_SUB_PORT,
    timeouts: { replyMs: { OPEN: trade, MODIFY: trade, CLOSE: trade, CLOSE_PARTIAL: trade, CLOSE_MAGIC: trade, CLOSE_ALL: trade } },
  });
  bridge.start();
  return bridge;
}
