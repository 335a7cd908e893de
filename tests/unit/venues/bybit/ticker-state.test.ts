import { describe, expect, it } from "vitest";
import { DropCounter, parseTickerUpdate } from "@/lib/venues/bybit/public-messages";
import { TickerState } from "@/lib/venues/bybit/ticker-state";

function apply(state: TickerState, type: "snapshot" | "delta", data: Record<string, string>, ts: number) {
  const update = parseTickerUpdate({ topic: `tickers.${data.symbol}`, type, ts, data }, new DropCounter());
  if (!update) throw new Error("test message did not parse");
  state.apply(update);
}

describe("Bybit ticker state", () => {
  it("merges a delta's changed fields into the snapshot and keeps the rest", () => {
    const state = new TickerState();
    apply(state, "snapshot", { symbol: "BTCUSDT", lastPrice: "28550.70", markPrice: "28552.81", fundingRate: "0.0001", bid1Price: "28550.70" }, 1);
    apply(state, "delta", { symbol: "BTCUSDT", markPrice: "28553.10", bid1Price: "28550.80" }, 2);
    expect(state.get("BTCUSDT")).toEqual({
      symbol: "BTCUSDT", ts: 2, complete: true,
      fields: { symbol: "BTCUSDT", lastPrice: "28550.70", markPrice: "28553.10", fundingRate: "0.0001", bid1Price: "28550.80" },
    });
  });

  it("a new snapshot replaces everything", () => {
    const state = new TickerState();
    apply(state, "snapshot", { symbol: "ETHUSDT", lastPrice: "1", basis: "2" }, 1);
    apply(state, "snapshot", { symbol: "ETHUSDT", lastPrice: "3" }, 2);
    expect(state.get("ETHUSDT")?.fields).toEqual({ symbol: "ETHUSDT", lastPrice: "3" });
  });

  it("a delta without a snapshot is held but marked incomplete", () => {
    const state = new TickerState();
    apply(state, "delta", { symbol: "SOLUSDT", lastPrice: "150.1" }, 1);
    expect(state.get("SOLUSDT")).toMatchObject({ complete: false, fields: { lastPrice: "150.1" } });
    expect(state.get("XRPUSDT")).toBeNull();
  });
});
