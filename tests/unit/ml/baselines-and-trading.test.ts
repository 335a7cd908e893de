import { describe, expect, it } from "vitest";
import { buyAndHoldBaseline, majorityClassBaseline, maCrossBaseline, persistenceBaseline } from "@/lib/ml/evaluation/baselines";
import { perBarSharpe } from "@/lib/ml/evaluation/per-bar-sharpe";
import { tradeDirections } from "@/lib/ml/evaluation/trading-result";
import { ohlc } from "@/tests/unit/backtest/fixtures";

const flatBars = (closes: number[]) => ohlc(closes.map((c) => [c, c, c, c]));

describe("baselines", () => {
  it("majority class predicts the training window's most frequent class with its frequencies", () => {
    const majority = majorityClassBaseline([1, 1, -1, 0], 2);
    expect(majority.directions).toEqual([1, 1]);
    expect(majority.probabilities[0]).toEqual([0.25, 0.25, 0.5]);
  });

  it("persistence repeats the last realised h-bar direction, known at t's close", () => {
    const bars = flatBars([100, 102, 101, 99, 99.05]);
    expect(persistenceBaseline(bars, [1, 2, 3, 4], 1, 0.005).directions).toEqual([1, -1, -1, 0]);
    // 101 / 100 - 1 = +1 %, 99 / 102 - 1 = -2.9 %
    expect(persistenceBaseline(bars, [2, 3], 2, 0.005).directions).toEqual([1, -1]);
  });

  // SMA(2) crosses above SMA(3) on bar 5 (8.5 > 8 after 7.5 < 7.67) and below on bar 9 (9.5 < 10 after 10.5 > 10.33).
  it("buy-and-hold is always long; the MA cross holds its last cross, flat before one", () => {
    expect(buyAndHoldBaseline(3).directions).toEqual([1, 1, 1]);
    const bars = flatBars([10, 9, 8, 7, 8, 9, 10, 11, 10, 9, 8, 7]);
    expect(maCrossBaseline(bars, [3, 4, 5, 6, 7, 8, 9, 10, 11], 2, 3).directions).toEqual([0, 0, 1, 1, 1, 1, -1, -1, -1]);
  });
});

describe("trading result of held directions", () => {
  it("fills the signal at the next open and closes on the last bar, with costs", () => {
    const bars = flatBars([100, 100, 110, 121]);
    const free = tradeDirections(bars, [1, 1, 1], { commission: 0, slippageBps: 0 }, "test");
    expect(free.returnPct).toBeCloseTo(21, 9);
    expect(free.trades).toBe(1);
    const costly = tradeDirections(bars, [1, 1, 1], { commission: 0.001, slippageBps: 0 }, "test");
    // 1,000 units: fees 100 at entry and 121 at exit on 100,000.
    expect(costly.returnPct).toBeCloseTo(21 - 0.221, 9);
    // Short at bar 1's open (100), flat at bar 2's open (110): -10 %.
    expect(tradeDirections(bars, [-1, 0, 0], { commission: 0, slippageBps: 0 }, "test").returnPct).toBeCloseTo(-10, 9);
    expect(tradeDirections(bars, [-1, -1, -1], { commission: 0, slippageBps: 0 }, "test").returnPct).toBeCloseTo(-21, 9);
  });
});

describe("per-bar Sharpe", () => {
  it("is mean / sample std of bar returns times sqrt(bars per year), 0 when equity is flat", () => {
    const equity = [100, 110, 99, 108.9].map((e, i) => ({ ts: i, equity: String(e) }));
    // returns 0.1, -0.1, 0.1: mean 1/30, sample std sqrt(0.04/3)
    const barsPerYear = (365.25 * 86_400_000) / 86_400_000;
    expect(perBarSharpe(equity, 86_400_000)).toBeCloseTo((1 / 30 / Math.sqrt(0.04 / 3)) * Math.sqrt(barsPerYear), 9);
    expect(perBarSharpe([100, 100, 100].map((e, i) => ({ ts: i, equity: String(e) })), 1)).toBe(0);
  });
});
