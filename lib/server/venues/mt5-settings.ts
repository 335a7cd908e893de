import type { Config } from "@/lib/config";

/** How the platform reaches the MetaTrader EA, as an admin may see it (nothing secret here). */
export interface Mt5SettingsView {
  /** Some symbol is set to stream from (and, in live mode, trade on) MetaTrader. */
  configured: boolean;
  host: string;
  /** Named from the platform's side: it PUSHes commands, PULLs replies and SUBscribes to prices. */
  ports: { push: number; pull: number; sub: number };
  magic: number;
  symbols: string[];
}

export function mt5Settings(config: Config): Mt5SettingsView {
  return {
    configured: config.MT5_SYMBOLS.length > 0,
    host: config.MT5_ZMQ_HOST,
    ports: { push: config.MT5_ZMQ_PUSH_PORT, pull: config.MT5_ZMQ_PULL_PORT, sub: config.MT5_ZMQ_SUB_PORT },
    magic: config.MT5_MAGIC,
    symbols: config.MT5_SYMBOLS,
  };
}
