import { startFakeBybit, type FakeBybit } from "../../tests/support/fake-bybit";
import { startEmbeddedProcess } from "./embedded-process";

export interface LiveServer {
  baseURL: string;
  /** The local Bybit the server trades on; the spec drives it (manual orders, positions) and reads its books. */
  fake: FakeBybit;
  stop(): Promise<void>;
}

/** Only BTCUSDT is routed to Bybit; ETHUSDT stays on the paper broker. */
export const LIVE_SYMBOL = "BTCUSDT";
export const PAPER_SYMBOL = "ETHUSDT";

/** A fake Bybit in this (Playwright worker) process and a second embedded server in live mode trading BTCUSDT on it. */
export async function startLiveServer(port: number): Promise<LiveServer> {
  const fake = await startFakeBybit({ markPrices: { BTCUSDT: "60000.0", ETHUSDT: "3000.00" } });
  try {
    const server = await startEmbeddedProcess("live", port, {
      MARKET_FEEDS: "sim", SIM_SYMBOLS: `${LIVE_SYMBOL},${PAPER_SYMBOL}`, STRATEGY_ENABLED: "false",
      TRADING_MODE: "live", ENABLE_LIVE_TRADING: "true", BYBIT_SYMBOLS: LIVE_SYMBOL,
      BYBIT_REST_URL: fake.restUrl, BYBIT_WS_PRIVATE_URL: fake.privateWsUrl, BYBIT_API_KEY: fake.apiKey, BYBIT_API_SECRET: fake.apiSecret,
      // The simulator's prices and the fake's mark prices are not the same market.
      PRICE_COLLAR: "0.6",
    });
    return { baseURL: server.baseURL, fake, stop: async () => {
      await server.stop();
      await fake.close();
    } };
  } catch (error) {
    await fake.close();
    throw error;
  }
}
