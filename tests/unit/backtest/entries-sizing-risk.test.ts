import { describe, expect, it } from "vitest";
import { BacktestConfigError } from "@/lib/backtest/backtest-engine";
import { DAY, legs, ohlc, runScript, T0 } from "./fixtures";

const FLAT: [number, number, number, number] = [100, 100, 100, 100];
const fixed10 = { kind: "fixed", quantity: "10" } as const;

describe("limit and stop entries (bar mode)", () => {
  const dips = ohlc([FLAT, [100, 101, 99, 100], [100, 101, 98.5, 100], [100, 100, 97, 98], FLAT]);

  it("a buy limit 2 % under the signal close that is not reached within validBars expires unfilled", () => {
    const result = runScript(dips, { 0: "1" }, { sizing: fixed10, entry: { type: "limit", offsetPct: 0.02, validBars: 2 } });
    expect(result.trades).toEqual([]);
    expect(result.fills).toEqual([]);
    expect(result.orders).toEqual([{ ts: T0 + DAY, side: "BUY", quantity: "10", type: "LIMIT", price: "98", status: "CANCELED" }]);
  });

  it("the same limit fills at its price on the first bar whose low goes below it", () => {
    const result = runScript(dips, { 0: "1" }, { sizing: fixed10, entry: { type: "limit", offsetPct: 0.02, validBars: 3 } });
    expect(legs(result.trades)).toEqual([["10", 3, 4, "98", "100"]]);
  });

  it("a buy stop 1 % over the signal close fills at the stop when the bar rises through it, at the open on a gap", () => {
    const through = runScript(ohlc([FLAT, [100, 103, 99, 102], FLAT]), { 0: "1" }, { sizing: fixed10, entry: { type: "stop", offsetPct: 0.01 } });
    expect(legs(through.trades)).toEqual([["10", 1, 2, "101", "100"]]);
    const gap = runScript(ohlc([FLAT, [102, 103, 101.5, 102], FLAT]), { 0: "1" }, { sizing: fixed10, entry: { type: "stop", offsetPct: 0.01 } });
    expect(legs(gap.trades)).toEqual([["10", 1, 2, "102", "100"]]);
  });

  it("a sell stop entry opens a short below the close, protected by its stop-loss", () => {
    const bars = ohlc([FLAT, [100, 100.5, 98, 99], [99, 102, 98.5, 101], FLAT]);
    const result = runScript(bars, { 0: "-1" }, { sizing: fixed10, entry: { type: "stop", offsetPct: 0.01 }, exits: { stopLossPct: 0.02 } });
    // Entry 99 (stop), stop-loss 99 * 1.02 = 100.98, reached on bar 2's rise.
    expect(legs(result.trades)).toEqual([["-10", 1, 2, "99", "100.98"]]);
  });
});

describe("fixed-risk sizing", () => {
  it("sizes so the stop-loss loses the fraction of equity: 1 % of 10,000 at a 2 % stop from 100 = 50 units", () => {
    const result = runScript(ohlc([FLAT, [100, 101, 97, 99], FLAT]), { 0: "1" }, { sizing: { kind: "risk", fraction: 0.01 }, exits: { stopLossPct: 0.02 } });
    expect(legs(result.trades)).toEqual([["50", 1, 1, "100", "98"]]);
    expect(result.trades[0].pnl).toBe("-100");
  });

  it("is capped by the margin available (whole units of the cash)", () => {
    const result = runScript(ohlc([FLAT, FLAT, FLAT]), { 0: "-1" }, { sizing: { kind: "risk", fraction: 0.05 }, exits: { stopLossPct: 0.02 } });
    // 500 / 2 = 250 units, but 10,000 only covers 99 of them.
    expect(result.trades[0].size).toBe("-99");
  });

  it("without a stop-loss it is a configuration error", () => {
    expect(() => runScript(ohlc([FLAT]), {}, { sizing: { kind: "risk", fraction: 0.01 } })).toThrow(BacktestConfigError);
    expect(() => runScript(ohlc([FLAT]), {}, { sizing: { kind: "risk", fraction: 0.01 } })).toThrow(/needs exits.stopLossPct/);
  });
});

describe("pre-trade gate in the backtest", () => {
  it("an order over maxOrderNotional is refused, not filled, and counted with its reason", () => {
    const result = runScript(ohlc([FLAT, FLAT, FLAT]), { 0: "1" }, { sizing: fixed10, risk: { maxOrderNotional: "500" } });
    expect(result.fills).toEqual([]);
    expect(result.trades).toEqual([]);
    expect(result.rejectedOrders).toEqual([{ ts: T0 + DAY, code: "MAX_ORDER_NOTIONAL", message: expect.stringContaining("1000 > 500") }]);
    expect(result.orders.map((o) => o.status)).toEqual(["REJECTED"]);
  });

  it("maxPositionFraction refuses an entry above the fraction of equity but lets a smaller one through", () => {
    const refused = runScript(ohlc([FLAT, FLAT, FLAT]), { 0: "1" }, { sizing: fixed10, risk: { maxPositionFraction: "0.05" } });
    expect(refused.rejectedOrders.map((r) => r.code)).toEqual(["MAX_POSITION"]);
    const allowed = runScript(ohlc([FLAT, FLAT, FLAT]), { 0: "1" }, { sizing: { kind: "fixed", quantity: "5" }, risk: { maxPositionFraction: "0.05" } });
    expect(allowed.rejectedOrders).toEqual([]);
    expect(allowed.trades).toHaveLength(1);
  });
});
