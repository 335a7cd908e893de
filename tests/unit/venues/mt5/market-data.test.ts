import { describe, expect, it } from "vitest";
import { barTopic, parseMarketMessage, priceTopic } from "@/lib/venues/mt5/market-data";

describe("MT5 market data frames", () => {
  it("reads a price as exact decimal strings", () => {
    expect(parseMarketMessage("EURUSD:|:1.116400;1.116430")).toEqual({ kind: "price", symbol: "EURUSD", bid: "1.116400", ask: "1.116430" });
  });

  it("reads a bar by its 8 fields, with the timeframe from the topic, even for symbols with underscores", () => {
    expect(parseMarketMessage("EURUSD_M1:|:1556542860;1.11640;1.11650;1.11630;1.11645;42;3;0")).toEqual({
      kind: "bar", symbol: "EURUSD", timeframe: "M1", time: 1556542860, open: "1.11640", high: "1.11650", low: "1.11630", close: "1.11645",
      tickVolume: 42, spread: 3, realVolume: 0,
    });
    expect(parseMarketMessage("EURUSD_i_H4:|:1556542860;1;1;1;1;1;1;1")).toMatchObject({ symbol: "EURUSD_i", timeframe: "H4" });
  });

  it.each([
    "EURUSD 1.1;1.2",
    ":|:1.1;1.2",
    "EURUSD:|:1.1",
    "EURUSD:|:1.1;1.2;1.3",
    "EURUSD:|:1e-5;1.2",
    "EURUSD:|:;1.2",
    "EURUSD:|:-1.1;1.2",
    "EURUSD:|:1556542860;1;1;1;1;1;1;1",
    "EURUSD_M1:|:1556542860.5;1;1;1;1;1;1;1",
    "EURUSD_M1:|:1556542860;1;x;1;1;1;1;1",
  ])("returns null for a malformed frame: %s", (frame) => {
    expect(parseMarketMessage(frame)).toBeNull();
  });

  it("names the exact SUB prefixes", () => {
    expect(priceTopic("EURUSD")).toBe("EURUSD:|:");
    expect(barTopic("EURUSD", "M1")).toBe("EURUSD_M1:|:");
  });
});
