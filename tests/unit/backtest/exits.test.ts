import { describe, expect, it } from "vitest";
import { legs, ohlc, runScript } from "./fixtures";

const fixed10 = { kind: "fixed", quantity: "10" } as const;
const FLAT: [number, number, number, number] = [100, 100, 100, 100];

describe("stop-loss, take-profit and trailing stop (bar mode)", () => {
  it("a long's stop-loss fills at the stop price when the low goes through it", () => {
    const result = runScript(ohlc([FLAT, [100, 101, 97, 99], FLAT]), { 0: "1" }, { sizing: fixed10, exits: { stopLossPct: 0.02 } });
    expect(legs(result.trades)).toEqual([["10", 1, 1, "100", "98"]]);
    expect(result.trades[0].pnl).toBe("-20");
    expect(result.orders.map((o) => [o.side, o.type, o.price, o.status])).toEqual([
      ["BUY", "MARKET", undefined, "FILLED"],
      ["SELL", "STOP", "98", "FILLED"],
    ]);
  });

  it("take-profit fills at the limit once the high goes strictly through it", () => {
    const result = runScript(ohlc([FLAT, [100, 106, 99.5, 105], FLAT]), { 0: "1" }, { sizing: fixed10, exits: { stopLossPct: 0.02, takeProfitPct: 0.05 } });
    expect(legs(result.trades)).toEqual([["10", 1, 1, "100", "105"]]);
    // The stop-loss left with the trade.
    expect(result.orders.map((o) => [o.type, o.price, o.status])).toEqual([["MARKET", undefined, "FILLED"], ["STOP", "98", "CANCELED"], ["LIMIT", "105", "FILLED"]]);
  });

  it("a high that only touches the take-profit does not fill it (backtesting.py: high > limit)", () => {
    const result = runScript(ohlc([FLAT, [100, 105, 99.5, 104], FLAT]), { 0: "1" }, { sizing: fixed10, exits: { takeProfitPct: 0.05 } });
    expect(legs(result.trades)).toEqual([["10", 1, 2, "100", "100"]]);
  });

  it("a bar that gaps through the stop fills it at the open", () => {
    const result = runScript(ohlc([FLAT, [100, 101, 99, 100], [95, 96, 94, 95], FLAT]), { 0: "1" }, { sizing: fixed10, exits: { stopLossPct: 0.02 } });
    expect(legs(result.trades)).toEqual([["10", 1, 2, "100", "95"]]);
  });

  it("when one bar reaches both the stop-loss and the take-profit, the stop-loss is assumed first", () => {
    const long = runScript(ohlc([FLAT, [100, 106, 97, 101], FLAT]), { 0: "1" }, { sizing: fixed10, exits: { stopLossPct: 0.02, takeProfitPct: 0.05 } });
    expect(legs(long.trades)).toEqual([["10", 1, 1, "100", "98"]]);
    const short = runScript(ohlc([FLAT, [100, 103, 94, 99], FLAT]), { 0: "-1" }, { sizing: fixed10, exits: { stopLossPct: 0.02, takeProfitPct: 0.05 } });
    expect(legs(short.trades)).toEqual([["-10", 1, 1, "100", "102"]]);
  });

  it("a short's stop-loss sits above the entry and loses the hand-computed amount", () => {
    const result = runScript(ohlc([FLAT, [100, 103, 99, 100], FLAT]), { 0: "-1" }, { sizing: fixed10, exits: { stopLossPct: 0.02 }, commission: "0.001" });
    expect(legs(result.trades)).toEqual([["-10", 1, 1, "100", "102"]]);
    // -10 * (102 - 100) - (1 + 1.02) commission
    expect(result.trades[0].pnl).toBe("-22.02");
    expect(result.finalCash.toFixed()).toBe("9977.98");
  });

  it("the trailing stop ratchets up with each bar's high and never down, then fills at the last level", () => {
    const bars = ohlc([FLAT, [100, 110, 99, 108], [108, 120, 105, 118], [118, 119, 100, 101], FLAT]);
    const result = runScript(bars, { 0: "1" }, { sizing: fixed10, exits: { trailingStopPct: 0.1 } });
    expect(legs(result.trades)).toEqual([["10", 1, 3, "100", "108"]]);
    expect(result.orders.filter((o) => o.type === "STOP").map((o) => [o.price, o.status])).toEqual([
      ["90", "CANCELED"],
      ["99", "CANCELED"],
      ["108", "FILLED"],
    ]);
  });
});
