import { startEaEmulator, type EaEmulator } from "../../tests/support/mt5-ea-emulator";
import { startEmbeddedProcess } from "./embedded-process";

export interface Mt5Server {
  baseURL: string;
  /** The DWX EA the server trades through (an emulator on local sockets); the spec reads its trades and injects faults. */
  ea: EaEmulator;
  stop(): Promise<void>;
}

export const MT5_SYMBOL = "EURUSD";
export const MT5_MAGIC = "770077";

/** A random walk around 1.08 with a 0.2 pip spread, so the dashboard shows EURUSD moving. */
function publishPrices(ea: EaEmulator): () => void {
  let bid = 1.08;
  const timer = setInterval(() => {
    bid = Math.round((bid + (Math.random() - 0.5) * 0.0002) * 1e5) / 1e5;
    void ea.setPrice(MT5_SYMBOL, bid.toFixed(5), (bid + 0.00002).toFixed(5)).catch(() => undefined); // EA down: nothing to publish on
  }, 200);
  return () => clearInterval(timer);
}

/** The EA emulator in this (Playwright worker) process and a second embedded server in live mode trading EURUSD through it. */
export async function startMt5Server(port: number): Promise<Mt5Server> {
  const ea = await startEaEmulator({ maxOrders: 20, maxLotSize: "1", publishIntervalMs: 200 });
  ea.setSymbolInfo(MT5_SYMBOL, { digits: 5, point: "0.00001", lotStep: "0.01" });
  await ea.setPrice(MT5_SYMBOL, "1.08000", "1.08002");
  const stopPrices = publishPrices(ea);
  try {
    const server = await startEmbeddedProcess("mt5", port, {
      MARKET_FEEDS: "sim,mt5", SIM_SYMBOLS: "BTCUSDT,ETHUSDT", SYMBOL_VENUES: "BTCUSDT=paper,ETHUSDT=paper", STRATEGY_ENABLED: "false",
      TRADING_MODE: "live", ENABLE_LIVE_TRADING: "true", MT5_SYMBOLS: MT5_SYMBOL, MT5_SYMBOL_SPECS: `${MT5_SYMBOL}:5:0.01`, MT5_MAGIC,
      MT5_ZMQ_PUSH_PORT: String(ea.pushPort), MT5_ZMQ_PULL_PORT: String(ea.pullPort), MT5_ZMQ_SUB_PORT: String(ea.subPort),
      // A trade the EA never answers turns UNKNOWN within the spec's patience, not after MetaTrader's own 35 s.
      MT5_TRADE_TIMEOUT_MS: "3000",
      // The simulator's crypto prices are not the same market as the collar's reference.
      PRICE_COLLAR: "0.6",
    });
    return { baseURL: server.baseURL, ea, stop: async () => {
      stopPrices();
      await server.stop();
      await ea.close();
    } };
  } catch (error) {
    stopPrices();
    await ea.close();
    throw error;
  }
}
