import { describe, expect, it } from "vitest";
import { parseConfig } from "@/lib/config";
import { liveRoutes } from "@/lib/server/dashboard";

describe("the dashboard's live routes", () => {
  it("are empty in paper mode, whatever SYMBOL_VENUES says", () => {
    expect(liveRoutes(parseConfig({ SYMBOL_VENUES: "BTCUSDT=bybit" }), ["BTCUSDT"])).toEqual([]);
  });

  it("list the Bybit symbols in live mode, minus those SYMBOL_VENUES keeps on paper", () => {
    const config = parseConfig({ TRADING_MODE: "live", ENABLE_LIVE_TRADING: "true", BYBIT_SYMBOLS: "BTCUSDT,ETHUSDT", SYMBOL_VENUES: "ETHUSDT=paper,SOLUSDT=bybit" });
    expect(liveRoutes(config, ["BTCUSDT", "ETHUSDT", "XRPUSDT"])).toEqual([{ symbol: "BTCUSDT", venue: "bybit" }, { symbol: "SOLUSDT", venue: "bybit" }]);
  });

  it("warn about MT5 symbols even before the MT5 feed has reported them", () => {
    const config = parseConfig({ TRADING_MODE: "live", ENABLE_LIVE_TRADING: "true", MT5_SYMBOLS: "EURUSD", SYMBOL_VENUES: "BTCUSDT=paper,ETHUSDT=paper" });
    expect(liveRoutes(config, [])).toEqual([{ symbol: "EURUSD", venue: "mt5" }]);
  });
});
