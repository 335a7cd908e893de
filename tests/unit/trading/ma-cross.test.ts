import { describe, expect, it } from "vitest";
import { MaCrossStrategy } from "@/lib/strategy/ma-cross";
import { SimpleMovingAverage } from "@/lib/strategy/simple-moving-average";
import { UnclosedBarError, type StrategyDecision } from "@/lib/strategy/strategy";
import { bar } from "./fixtures";

function run(strategy: MaCrossStrategy, closes: number[]): (StrategyDecision | null)[] {
  return closes.map((close, i) => strategy.onBar(bar(close, i)));
}

function signals(decisions: (StrategyDecision | null)[]): [number, string][] {
  return decisions.flatMap((d, i) => (d === null ? [] : [[i, d.targetQuantity] as [number, string]]));
}

const cfg = { symbol: "BTCUSDT", fast: 2, slow: 3, quantity: "0.5" };

describe("simple moving average", () => {
  it("is null until the window is full, then the mean of the last values", () => {
    const sma = new SimpleMovingAverage(3);
    expect([1, 2, 3, 4, 5].map((v) => sma.push(v))).toEqual([null, null, 2, 3, 4]);
  });
});

describe("moving-average cross", () => {
  // bar:   0   1   2   3    4  5    6     7     8
  // fast:  -  10  10  9.5  8.5 8.5 10    11.5  10.5
  // slow:  -   -  10  9.67 9   8.67 9.33 10.67 10.67
  const series = [10, 10, 10, 9, 8, 9, 11, 12, 9];

  it("goes long on the golden cross and short on the death cross", () => {
    const decisions = run(new MaCrossStrategy(cfg), series);
    expect(signals(decisions)).toEqual([
      [6, "0.5"],
      [8, "-0.5"],
    ]);
    expect(decisions[6]).toMatchObject({ symbol: "BTCUSDT", barOpenTime: 6 * 60_000, strategyId: "ma-cross-BTCUSDT-2-3" });
    expect(decisions[6]?.reason).toContain("golden cross");
  });

  it("goes flat instead of short in long-flat mode", () => {
    expect(signals(run(new MaCrossStrategy({ ...cfg, mode: "long-flat" }), series))).toEqual([
      [6, "0.5"],
      [8, "0"],
    ]);
  });

  it("needs a strict cross: averages that only touch do not signal (as backtesting.py)", () => {
    // bar 2: fast == slow (10), bar 3 fast below -> no death cross; bar 8: fast == slow (11), bar 9 fast below -> none
    expect(signals(run(new MaCrossStrategy(cfg), [10, 10, 10, 9, 8, 9, 11, 12, 10, 8]))).toEqual([[6, "0.5"]]);
  });

  it("refuses a bar that has not closed, without disturbing its state", () => {
    const strategy = new MaCrossStrategy(cfg);
    run(strategy, series.slice(0, 6));
    expect(() => strategy.onBar(bar(11, 6, { closed: false }))).toThrow(UnclosedBarError);
    expect(strategy.onBar(bar(11, 6))?.targetQuantity).toBe("0.5");
  });

  it("ignores repeated or older bars, other symbols and other intervals", () => {
    const strategy = new MaCrossStrategy({ ...cfg, interval: "1m" });
    run(strategy, series.slice(0, 6));
    expect(strategy.onBar(bar(1_000, 5))).toBeNull(); // replayed bar 5
    expect(strategy.onBar(bar(1_000, 6, { symbol: "ETHUSDT" }))).toBeNull();
    expect(strategy.onBar(bar(1_000, 6, { interval: "5m" }))).toBeNull();
    expect(strategy.onBar(bar(11, 6))?.targetQuantity).toBe("0.5");
  });

  it("gives the same decisions after reset (replay is deterministic)", () => {
    const strategy = new MaCrossStrategy(cfg);
    const first = run(strategy, series);
    strategy.reset();
    expect(run(strategy, series)).toEqual(first);
  });

  it("rejects a nonsensical configuration", () => {
    expect(() => new MaCrossStrategy({ ...cfg, fast: 3, slow: 3 })).toThrow(RangeError);
    expect(() => new MaCrossStrategy({ ...cfg, fast: 0 })).toThrow(RangeError);
    expect(() => new MaCrossStrategy({ ...cfg, quantity: "-1" })).toThrow(RangeError);
  });
});
