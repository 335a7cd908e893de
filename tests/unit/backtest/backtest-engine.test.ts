import { describe, expect, it } from "vitest";
import { runBacktest, type BacktestConfig } from "@/lib/backtest/backtest-engine";
import type { Bar } from "@/lib/domain/market-data";
import type { RecordedBar } from "@/lib/market/replay/recording";
import { MaCrossStrategy } from "@/lib/strategy/ma-cross";
import { UnclosedBarError } from "@/lib/strategy/strategy";
import { ACME, DAY, ScriptedStrategy, T0 } from "./fixtures";


/** Bars from [open, close] pairs, one a day; high/low span both. */
function bars(pairs: Array<[number, number]>): RecordedBar[] {
  return pairs.map(([open, close], i) => ({
    openTime: T0 + i * DAY,
    open,
    high: Math.max(open, close),
    low: Math.min(open, close),
    close,
    volume: 100,
  }));
}


function run(data: RecordedBar[], script: Record<number, string>, extra: Partial<BacktestConfig> = {}) {
  return runBacktest({ bars: data, instrument: ACME, strategy: new ScriptedStrategy(script), cash: 1000, exclusiveOrders: true, finalize: true, ...extra });
}

describe("runBacktest", () => {
  it("a winning long: fills at the next bar's open, all-in whole units, exact P&L", () => {
    const result = run(bars([[10, 10], [10, 11], [12, 13], [14, 15]]), { 0: "1", 2: "0" }, { sizing: { kind: "all-in-units" } });
    // 1000 / 10 = 100 exactly: backtesting.py's (1 - eps) sizing buys 99.
    expect(result.trades).toEqual([
      expect.objectContaining({ size: "99", entryBar: 1, exitBar: 3, entryPrice: "10", exitPrice: "14", pnl: "396", commission: "0" }),
    ]);
    expect(result.trades[0].returnPct).toBeCloseTo(0.4, 12);
    expect(result.equity.map((p) => p.equity)).toEqual(["1000", "1099", "1297", "1396"]);
    expect(result.stats.trades).toBe(1);
    expect(result.stats.winRatePct).toBe(100);
  });

  it("a losing short with a fixed quantity", () => {
    const result = run(bars([[20, 20], [20, 21], [22, 23], [24, 25]]), { 0: "-1", 2: "0" }, { sizing: { kind: "fixed", quantity: "5" } });
    expect(result.trades).toEqual([expect.objectContaining({ size: "-5", entryBar: 1, exitBar: 3, entryPrice: "20", exitPrice: "24", pnl: "-20" })]);
    expect(result.trades[0].returnPct).toBeCloseTo(-0.2, 12);
    expect(result.equity.at(-1)?.equity).toBe("980");
    expect(result.stats.winRatePct).toBe(0);
  });

  it("charges commission on the entry and again on the exit value", () => {
    const result = run(bars([[10, 10], [10, 11], [12, 13], [14, 15]]), { 0: "1", 2: "0" }, { sizing: { kind: "fixed", quantity: "10" }, commission: "0.01" });
    const [trade] = result.trades;
    // entry 10 * 10 * 1% = 1, exit 10 * 14 * 1% = 1.4
    expect(trade.commission).toBe("2.4");
    expect(trade.pnl).toBe("37.6");
    expect(trade.returnPct).toBeCloseTo(0.4 - 2.4 / 100, 12);
    expect(result.finalCash.toFixed()).toBe("1037.6");
    // Entry commission is paid when the trade opens.
    expect(result.equity[1].equity).toBe("1009");
  });

  it("all-in sizing leaves room for the commission (backtesting.py: cash / (price + price * commission))", () => {
    const result = run(bars([[10, 10], [10, 10], [10, 10]]), { 0: "1" }, { commission: "0.01" });
    // floor(1000 * (1 - eps) / 10.1) = 99
    expect(result.trades[0].size).toBe("99");
  });

  it("exclusive orders: a new entry closes the open trade first, at the same open", () => {
    const result = run(bars([[10, 10], [10, 11], [12, 12], [13, 13], [11, 11]]), { 0: "1", 2: "-1" }, { sizing: { kind: "fixed", quantity: "2" } });
    expect(result.trades.map((t) => [t.size, t.entryBar, t.exitBar, t.entryPrice, t.exitPrice])).toEqual([
      ["2", 1, 3, "10", "13"],
      ["-2", 3, 4, "13", "11"],
    ]);
  });

  it("finalize on closes open trades at the last bar's open; off leaves them out of the statistics", () => {
    const data = bars([[10, 10], [10, 11], [12, 13], [14, 15]]);
    const on = run(data, { 0: "1" }, { sizing: { kind: "fixed", quantity: "10" } });
    expect(on.trades).toEqual([expect.objectContaining({ size: "10", entryBar: 1, exitBar: 3, exitPrice: "14", pnl: "40" })]);
    expect(on.openTrades).toEqual([]);
    expect(on.equity.at(-1)?.equity).toBe("1040");

    const off = run(data, { 0: "1" }, { sizing: { kind: "fixed", quantity: "10" }, finalize: false });
    expect(off.trades).toEqual([]);
    expect(off.stats.trades).toBe(0);
    expect(off.openTrades).toEqual([expect.objectContaining({ size: "10", entryBar: 1, exitPrice: "15", pnl: "50" })]);
    // Equity marks the open trade at the last close.
    expect(off.equity.at(-1)?.equity).toBe("1050");
  });

  it("fill 'close' trades at the deciding bar's close", () => {
    const result = run(bars([[10, 10], [10, 11], [12, 13], [14, 15]]), { 0: "1", 2: "0" }, { sizing: { kind: "fixed", quantity: "1" }, fill: "close" });
    expect(result.trades).toEqual([expect.objectContaining({ entryBar: 0, exitBar: 2, entryPrice: "10", exitPrice: "13", pnl: "3" })]);
  });

  it("an order placed on the last bar has no bar to fill on and is reported as unfilled", () => {
    const result = run(bars([[10, 10], [10, 11]]), { 1: "1" }, { sizing: { kind: "fixed", quantity: "1" } });
    expect(result.trades).toEqual([]);
    expect(result.unfilledOrders).toBe(1);
  });
});

describe("look-ahead protection", () => {
  it("a strategy sees each bar only at or after its close on the simulated clock, and never a later bar", () => {
    const data = bars([[10, 10], [10, 11], [12, 13], [14, 15], [15, 16]]);
    const seen: Array<{ openTime: number; now: number; closed: boolean }> = [];
    runBacktest({
      bars: data,
      instrument: ACME,
      cash: 1000,
      intervalMs: DAY,
      strategyFactory: ({ now }) => ({
        id: "spy",
        symbol: "ACME",
        onBar(bar: Bar) {
          seen.push({ openTime: bar.openTime, now: now(), closed: bar.closed });
          return null;
        },
        reset() {},
      }),
    });
    expect(seen.map((s) => s.openTime)).toEqual(data.map((b) => b.openTime));
    seen.forEach((s, i) => {
      const closeTime = i + 1 < data.length ? data[i + 1].openTime : data[i].openTime + DAY;
      expect(s.closed).toBe(true);
      expect(s.now).toBeGreaterThanOrEqual(closeTime);
      // The clock stands exactly at bar i's close: bar i + 1 has not traded yet.
      expect(s.now).toBe(closeTime);
    });
  });

  it("decisions taken on bar i's close never fill at a price from bar i or earlier", () => {
    // The close jumps on bar 1; a fill at bar 1's close (look-ahead) would be 50, the next open is 20.
    const result = run(bars([[10, 10], [10, 50], [20, 20], [20, 20]]), { 1: "1" }, { sizing: { kind: "fixed", quantity: "1" } });
    expect(result.trades[0]).toEqual(expect.objectContaining({ entryBar: 2, entryPrice: "20" }));
  });

  it("the live strategy refuses an unclosed bar", () => {
    const strategy = new MaCrossStrategy({ symbol: "ACME", fast: 2, slow: 3, quantity: "1" });
    const bar: Bar = { symbol: "ACME", interval: "1m", openTime: T0, open: 1, high: 1, low: 1, close: 1, volume: 1, trades: 1, closed: false };
    expect(() => strategy.onBar(bar)).toThrow(UnclosedBarError);
  });
});
