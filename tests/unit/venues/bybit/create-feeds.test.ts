import { describe, expect, it } from "vitest";
import { parseConfig } from "@/lib/config";
import { createFeeds } from "@/lib/engine/feeds";

describe("createFeeds with bybit", () => {
  it("Bybit's symbols come from Bybit (with its own fallback); the simulator keeps only the other symbols", () => {
    const config = parseConfig({ MARKET_FEEDS: "bybit,sim", BYBIT_SYMBOLS: "BTCUSDT,XRPUSDT", SIM_SYMBOLS: "BTCUSDT,ETHUSDT" });
    const setup = createFeeds(config);
    expect(setup.feeds.map((f) => f.status())).toEqual([
      { name: "bybit", kind: "bybit", state: "stopped", symbols: ["BTCUSDT", "XRPUSDT"], lastTickAt: null, ticks: 0 },
      { name: "simulator", kind: "sim", state: "stopped", symbols: ["ETHUSDT"], lastTickAt: null, ticks: 0 },
    ]);
    expect(setup.instruments.map((i) => [i.symbol, i.tickSize])).toEqual([["BTCUSDT", "0.1"], ["XRPUSDT", "0.00000001"], ["ETHUSDT", "0.01"]]);
    expect(setup.quotes?.("BTCUSDT")).toBeNull();
  });

  it("without bybit there is no venue quote accessor and the simulator runs every SIM_SYMBOL", () => {
    const setup = createFeeds(parseConfig({ MARKET_FEEDS: "sim" }));
    expect(setup.quotes).toBeUndefined();
    expect(setup.feeds.map((f) => f.status().symbols)).toEqual([["BTCUSDT", "ETHUSDT"]]);
  });
});
