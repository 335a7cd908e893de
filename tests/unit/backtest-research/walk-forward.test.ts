import { describe, expect, it } from "vitest";
import { runWalkForward, type WalkForwardConfig } from "@/lib/backtest/walk-forward";
import type { RecordedBar } from "@/lib/market/replay/recording";
import { MaCrossStrategy } from "@/lib/strategy/ma-cross";
import { ACME, barIndex, FlipStrategy, RecordingStrategy, syntheticBars } from "./fixtures";

type Sma = { fast: number; slow: number };
const sma = (p: Sma) => new MaCrossStrategy({ symbol: "ACME", fast: p.fast, slow: p.slow, quantity: "1" });

function config(bars: readonly RecordedBar[], extra: Partial<WalkForwardConfig<Sma>> = {}): WalkForwardConfig<Sma> {
  return {
    bars,
    instrument: ACME,
    cash: 10_000,
    commission: 0.001,
    makeStrategy: sma,
    grid: { fast: [3, 5, 8], slow: [10, 20, 30] },
    constraint: (p) => p.fast < p.slow,
    train: 120,
    test: 60,
    metric: "return",
    warmup: (p) => p.slow,
    ...extra,
  };
}

/** Bars from index `from` on replaced by a different path (prices, not times). */
function rewriteFrom(bars: readonly RecordedBar[], from: number): RecordedBar[] {
  const other = syntheticBars(bars.length, 99);
  return bars.map((b, i) => (i < from ? b : { ...other[i], openTime: b.openTime, close: other[i].close * 1.7, open: other[i].open * 1.7, high: other[i].high * 1.7, low: other[i].low * 1.7 }));
}

const BARS = syntheticBars(500);

describe("runWalkForward", () => {
  it("chooses each window's parameters in sample and reports IS and OOS metrics and stats", () => {
    const wf = runWalkForward(config(BARS));
    expect(wf.windows.map((w) => [w.window.trainStart, w.window.testStart, w.window.testEnd])).toEqual([
      [0, 120, 180],
      [60, 180, 240],
      [120, 240, 300],
      [180, 300, 360],
      [240, 360, 420],
      [300, 420, 480],
    ]);
    for (const w of wf.windows) {
      expect(w.candidates).toHaveLength(9);
      const best = Math.max(...w.candidates.map((c) => c.metric));
      expect(w.inSampleMetric).toBe(best);
      // The first candidate reaching the best score wins.
      expect(w.params).toEqual(w.candidates.find((c) => c.metric === best)!.params);
      expect(w.inSampleMetric).toBe(w.inSampleStats.returnPct);
      expect(w.outOfSampleMetric).toBe(w.outOfSampleStats.returnPct);
      expect(w.outOfSampleStats.start).toBe(BARS[w.window.testStart].openTime);
      expect(w.outOfSampleStats.end).toBe(BARS[w.window.testEnd - 1].openTime);
      expect(w.inSampleStats.start).toBe(BARS[w.window.trainStart].openTime);
      expect(w.inSampleStats.end).toBe(BARS[w.window.trainEnd - 1].openTime);
      expect(w.warmupBars).toBe(w.params.slow);
    }
  });

  it("never lets a test bar influence the choice: rewriting bars from a test start leaves that window's choice unchanged", () => {
    const base = runWalkForward(config(BARS));
    for (const k of [0, 2, 5]) {
      const testStart = base.windows[k].window.testStart;
      const changed = runWalkForward(config(rewriteFrom(BARS, testStart)));
      // Windows up to k trained on bars before testStart only: same scores, same choice.
      for (let j = 0; j <= k; j++) {
        expect(changed.windows[j].candidates).toEqual(base.windows[j].candidates);
        expect(changed.windows[j].params).toEqual(base.windows[j].params);
        expect(changed.windows[j].inSampleMetric).toBe(base.windows[j].inSampleMetric);
      }
      // ...while the out-of-sample result did see the new bars.
      expect(changed.windows[k].outOfSampleStats.buyAndHoldReturnPct).not.toBe(base.windows[k].outOfSampleStats.buyAndHoldReturnPct);
    }
  });

  it("shows training strategies only training bars, and the test strategy only warm-up and test bars", () => {
    const made: RecordingStrategy[] = [];
    const wf = runWalkForward(
      config(BARS, {
        makeStrategy: (p) => {
          const s = new RecordingStrategy(sma(p));
          made.push(s);
          return s;
        },
      }),
    );
    // Per window: 9 training runs, then one test run.
    expect(made).toHaveLength(wf.windows.length * 10);
    wf.windows.forEach((w, k) => {
      const runs = made.slice(k * 10, k * 10 + 10);
      for (const train of runs.slice(0, 9)) {
        const seen = train.seen.map(barIndex);
        expect(Math.min(...seen)).toBe(w.window.trainStart);
        expect(Math.max(...seen)).toBe(w.window.trainEnd - 1);
      }
      const seen = runs[9].seen.map(barIndex);
      expect(Math.min(...seen)).toBe(w.window.testStart - w.warmupBars);
      expect(Math.max(...seen)).toBe(w.window.testEnd - 1);
    });
  });

  it("warms the strategy up without trading: no out-of-sample trade before the test start", () => {
    const wf = runWalkForward(config(BARS, { makeStrategy: () => new FlipStrategy(), grid: undefined, constraint: undefined, params: { fast: 0, slow: 0 }, warmup: 40 }));
    for (const w of wf.windows) {
      expect(w.warmupBars).toBe(40);
      expect(w.trades.length).toBeGreaterThan(0);
      for (const t of w.trades) {
        expect(t.entryBar).toBeGreaterThanOrEqual(w.window.testStart);
        expect(t.exitBar).toBeLessThan(w.window.testEnd);
        expect(t.entryTime).toBeGreaterThanOrEqual(BARS[w.window.testStart].openTime);
      }
      // Flat until the first fill (next open after the test start's decision).
      expect(w.equity[0].equity).toBe(w.startEquity);
    }
  });

  it("caps the warm-up at the bars before the test start", () => {
    const wf = runWalkForward(config(BARS, { warmup: 1000 }));
    expect(wf.windows.map((w) => w.warmupBars)).toEqual(wf.windows.map((w) => w.window.testStart));
    const byDefault = runWalkForward(config(BARS, { warmup: undefined }));
    expect(byDefault.windows.map((w) => w.warmupBars)).toEqual(wf.windows.map(() => 120));
  });

  it("stitches the out-of-sample equity: each window starts from the previous window's ending equity", () => {
    const wf = runWalkForward(config(BARS));
    expect(wf.windows[0].startEquity).toBe("10000");
    for (let k = 1; k < wf.windows.length; k++) expect(wf.windows[k].startEquity).toBe(wf.windows[k - 1].endEquity);
    const testBars = wf.windows.flatMap((w) => BARS.slice(w.window.testStart, w.window.testEnd));
    expect(wf.equity.map((p) => p.ts)).toEqual(testBars.map((b) => b.openTime));
    expect(wf.equity.map((p) => p.equity)).toEqual(wf.windows.flatMap((w) => w.equity.map((p) => p.equity)));
    expect(wf.stats.equityFinal).toBe(Number(wf.windows[wf.windows.length - 1].endEquity));
    expect(wf.stats.trades).toBe(wf.windows.reduce((n, w) => n + w.trades.length, 0));
    expect(wf.stats.start).toBe(BARS[120].openTime);
    // Trades index the stitched curve.
    for (const t of wf.trades) expect(wf.equity[t.entryBar].ts).toBe(t.entryTime);
    expect(wf.outOfSampleMetric).toBe(wf.stats.returnPct);
    // Compounded: the stitched return is the product of the window returns.
    const compounded = wf.windows.reduce((f, w) => f * (1 + w.outOfSampleStats.returnPct / 100), 1);
    expect(wf.stats.returnPct / 100 + 1).toBeCloseTo(compounded, 9);
  });

  it("reports the in-sample vs out-of-sample gap", () => {
    const wf = runWalkForward(config(BARS));
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(wf.gap.meanInSample).toBeCloseTo(mean(wf.windows.map((w) => w.inSampleMetric)), 12);
    expect(wf.gap.meanOutOfSample).toBeCloseTo(mean(wf.windows.map((w) => w.outOfSampleMetric)), 12);
    expect(wf.gap.difference).toBe(wf.gap.meanInSample - wf.gap.meanOutOfSample);
    expect(wf.gap.inSampleWindows).toBe(6);
    expect(wf.gap.outOfSampleWindows).toBe(6);
  });

  it("only tries candidates meeting the constraint", () => {
    const tried: Sma[] = [];
    runWalkForward(config(BARS, { grid: { fast: [5, 10, 20], slow: [10, 20, 30] }, makeStrategy: (p) => (tried.push(p), sma(p)) }));
    expect(tried.length).toBeGreaterThan(0);
    for (const p of tried) expect(p.fast).toBeLessThan(p.slow);
  });

  it("supports anchored windows and fixed parameters", () => {
    const wf = runWalkForward(config(BARS, { anchored: true, grid: undefined, params: { fast: 5, slow: 20 } }));
    expect(wf.windows.every((w) => w.window.trainStart === 0)).toBe(true);
    expect(wf.windows.every((w) => w.params.fast === 5 && w.params.slow === 20 && w.candidates.length === 1)).toBe(true);
  });

  it("rejects overlapping test slices, ambiguous candidates, an empty search and too few bars", () => {
    expect(() => runWalkForward(config(BARS, { step: 30 }))).toThrow(/overlapping/);
    expect(() => runWalkForward(config(BARS, { params: { fast: 5, slow: 20 } }))).toThrow(/exactly one/);
    expect(() => runWalkForward(config(BARS, { constraint: () => false }))).toThrow(/constraint/);
    expect(() => runWalkForward(config(BARS.slice(0, 150)))).toThrow(/window/);
  });
});
