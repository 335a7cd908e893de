import { describe, expect, it } from "vitest";
import { runBacktest } from "@/lib/backtest/backtest-engine";
import type { RecordedTrade } from "@/lib/market/replay/recording";
import { ACME, legs, ScriptedStrategy } from "./fixtures";

const MIN = 60_000;
const T = Date.UTC(2024, 0, 1);

/** Prints as [minute, second, price]. */
function prints(rows: Array<[number, number, number]>): RecordedTrade[] {
  return rows.map(([m, s, price]) => ({ ts: T + m * MIN + s * 1000, price, size: 1, side: "buy" }));
}

describe("intrabar fills from recorded trades", () => {
  const tape = prints([
    [0, 0, 100], [0, 30, 101], [0, 59, 102], // bar 0 closes at 102
    [1, 5, 103], [1, 20, 99], [1, 50, 104], // bar 1
    [2, 10, 105], [2, 40, 97], // bar 2
    [3, 0, 98],
  ]);

  it("builds bars with the live aggregator and fills a decision at the next print after the bar's close", () => {
    const result = runBacktest({ trades: tape, barIntervalMs: MIN, instrument: ACME, cash: 10_000, strategy: new ScriptedStrategy({ 0: "2", 1: "0" }), sizing: { kind: "fixed", quantity: "2" } });
    expect(result.equity.map((p) => p.ts)).toEqual([T, T + MIN, T + 2 * MIN, T + 3 * MIN]);
    // Decided on bar 0's close (102): bought at the first print of minute 1 (103), not at 102.
    expect(result.fills.map((f) => [f.side, f.quantity, f.price, f.ts])).toEqual([
      ["BUY", "2", "103", T + MIN + 5000],
      ["SELL", "2", "105", T + 2 * MIN + 10_000],
    ]);
    expect(legs(result.trades)).toEqual([["2", 1, 2, "103", "105"]]);
    expect(result.orders).toEqual([
      { ts: T + MIN + 5000, side: "BUY", quantity: "2", type: "MARKET", status: "FILLED" },
      { ts: T + 2 * MIN + 10_000, side: "SELL", quantity: "2", type: "MARKET", status: "FILLED" },
    ]);
  });

  it("fills a resting stop-loss on the print that crosses it, at that print", () => {
    const result = runBacktest({ trades: tape, barIntervalMs: MIN, instrument: ACME, cash: 10_000, strategy: new ScriptedStrategy({ 0: "1" }), sizing: { kind: "fixed", quantity: "1" }, exits: { stopLossPct: 0.02 } });
    // Entry 103, stop 100.94: the 99 print at 1:20 goes through it and the stop fills there (a taker fill at the print).
    expect(result.fills.map((f) => [f.side, f.price, f.ts])).toEqual([["BUY", "103", T + MIN + 5000], ["SELL", "99", T + MIN + 20_000]]);
    expect(legs(result.trades)).toEqual([["1", 1, 1, "103", "99"]]);
    expect(result.orders.map((o) => [o.type, o.price, o.status])).toEqual([["MARKET", undefined, "FILLED"], ["STOP", "100.94", "FILLED"]]);
  });

  it("target sizing trades the delta to the strategy's target in one market order, like the live runner", () => {
    const result = runBacktest({ trades: tape, barIntervalMs: MIN, instrument: ACME, cash: 10_000, strategy: new ScriptedStrategy({ 0: "3", 1: "-2" }), sizing: { kind: "target" }, finalize: false });
    expect(result.orders.map((o) => [o.side, o.quantity, o.type])).toEqual([["BUY", "3", "MARKET"], ["SELL", "5", "MARKET"]]);
    expect(legs(result.trades)).toEqual([["3", 1, 2, "103", "105"]]);
    expect(legs(result.openTrades)).toEqual([["-2", 2, 3, "105", "98"]]);
  });

  it("a decision on the last bar has no print left to fill on", () => {
    const result = runBacktest({ trades: tape, barIntervalMs: MIN, instrument: ACME, cash: 10_000, strategy: new ScriptedStrategy({ 3: "1" }), sizing: { kind: "fixed", quantity: "1" } });
    expect(result.fills).toEqual([]);
    expect(result.unfilledOrders).toBe(1);
  });
});
