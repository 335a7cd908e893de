import { beforeAll, describe, expect, it } from "vitest";
import { optimize } from "@/lib/backtest/optimize";
import { runWalkForward, type WalkForwardResult } from "@/lib/backtest/walk-forward";
import type { Instrument } from "@/lib/domain/instrument";
import { readBacktestingCsv } from "@/lib/market/replay/backtesting-csv";
import type { RecordedBar } from "@/lib/market/replay/recording";
import { MaCrossStrategy } from "@/lib/strategy/ma-cross";
import { sharedDataPath } from "@/tests/support/shared-data";

const GOOG: Instrument = { symbol: "GOOG", baseAsset: "GOOG", quoteAsset: "USD", tickSize: "0.01", lotSize: "1", minQty: "1", venue: "backtest" };
type Sma = { fast: number; slow: number };
const GRID = { fast: [5, 10, 20], slow: [30, 50, 100] };
const common = {
  instrument: GOOG,
  cash: 10_000,
  commission: 0.002,
  makeStrategy: (p: Sma) => new MaCrossStrategy({ symbol: "GOOG", fast: p.fast, slow: p.slow, quantity: "1" }),
  constraint: (p: Sma) => p.fast < p.slow,
  train: 500,
  test: 250,
  metric: "sharpe" as const,
  warmup: (p: Sma) => p.slow,
};

describe("walk-forward SMA cross on backtesting.py GOOG.csv (train 500 / test 250)", () => {
  let bars: RecordedBar[];
  let wf: WalkForwardResult<Sma>;

  beforeAll(async () => {
    bars = await readBacktestingCsv(sharedDataPath("backtesting.py", "GOOG.csv"));
    wf = runWalkForward<Sma>({ ...common, bars, grid: GRID });
  });

  it("splits the 2148 bars into 6 rolling windows, tests tiling bars 500..2000", () => {
    expect(bars).toHaveLength(2148);
    expect(wf.windows.map((w) => [w.window.trainStart, w.window.trainEnd, w.window.testStart, w.window.testEnd])).toEqual(
      [0, 1, 2, 3, 4, 5].map((k) => [250 * k, 250 * k + 500, 250 * k + 500, 250 * k + 750]),
    );
    expect(wf.equity).toHaveLength(6 * 250);
    expect(wf.stats.start).toBe(bars[500].openTime);
    expect(wf.stats.end).toBe(bars[1999].openTime);
  });

  it("chooses from the grid in sample, the best training Sharpe winning", () => {
    for (const w of wf.windows) {
      expect(w.candidates).toHaveLength(9);
      expect(GRID.fast).toContain(w.params.fast);
      expect(GRID.slow).toContain(w.params.slow);
      expect(w.inSampleMetric).toBe(Math.max(...w.candidates.map((c) => c.metric)));
      expect(w.inSampleStats.sharpeRatio).toBe(w.inSampleMetric);
    }
  });

  it("takes out-of-sample trades from the test slices only", () => {
    expect(wf.trades.length).toBeGreaterThan(0);
    for (const w of wf.windows) {
      for (const t of w.trades) {
        expect(t.entryBar).toBeGreaterThanOrEqual(w.window.testStart);
        expect(t.exitBar).toBeLessThan(w.window.testEnd);
        expect(t.entryTime).toBeGreaterThanOrEqual(bars[w.window.testStart].openTime);
        expect(t.exitTime).toBeLessThanOrEqual(bars[w.window.testEnd - 1].openTime);
      }
      expect(w.outOfSampleStats.trades).toBe(w.trades.length);
    }
    expect(wf.stats.trades).toBe(wf.trades.length);
  });

  it("stitches equity continuously from 10,000", () => {
    expect(wf.windows[0].startEquity).toBe("10000");
    for (let k = 1; k < wf.windows.length; k++) expect(wf.windows[k].startEquity).toBe(wf.windows[k - 1].endEquity);
    expect(wf.equity.map((p) => p.ts)).toEqual(bars.slice(500, 2000).map((b) => b.openTime));
    expect(wf.stats.equityFinal).toBe(Number(wf.windows[5].endEquity));
    const compounded = wf.windows.reduce((f, w) => f * (1 + w.outOfSampleStats.returnPct / 100), 1);
    expect(1 + wf.stats.returnPct / 100).toBeCloseTo(compounded, 9);
  });

  it("reports the in-sample vs out-of-sample gap", () => {
    const { gap } = wf;
    expect(gap.inSampleWindows).toBe(6);
    expect(Number.isFinite(gap.meanInSample)).toBe(true);
    expect(Number.isFinite(gap.meanOutOfSample)).toBe(true);
    expect(gap.difference).toBe(gap.meanInSample - gap.meanOutOfSample);
    // Each window's in-sample Sharpe is the best of 9 on its training slice; its out-of-sample one is not chosen.
    console.info(
      `GOOG walk-forward: mean IS Sharpe ${gap.meanInSample.toFixed(3)}, mean OOS Sharpe ${gap.meanOutOfSample.toFixed(3)}, ` +
        `gap ${gap.difference.toFixed(3)}; stitched OOS return ${wf.stats.returnPct.toFixed(2)} %, Sharpe ${wf.stats.sharpeRatio.toFixed(3)}, ${wf.stats.trades} trades`,
    );
  });

  it("ranks the grid by out-of-sample Sharpe with each set's gap", () => {
    const result = optimize<Sma>({ ...common, bars, space: GRID });
    expect(result.ranking).toHaveLength(9);
    for (const e of result.ranking) {
      expect(e.stats.start).toBe(bars[500].openTime);
      expect(e.score).toBe(e.stats.sharpeRatio);
      expect(e.gap.difference).toBe(e.gap.meanInSample - e.gap.meanOutOfSample);
    }
    for (let i = 1; i < 9; i++) expect(result.ranking[i - 1].score).toBeGreaterThanOrEqual(result.ranking[i].score);
  });
});
