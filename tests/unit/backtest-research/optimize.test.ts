import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { optimize, sampleParams, searchSpace, seededRandom, type OptimizeConfig } from "@/lib/backtest/optimize";
import { metricValue } from "@/lib/backtest/walk-forward";
import { MaCrossStrategy } from "@/lib/strategy/ma-cross";
import { ACME, syntheticBars } from "./fixtures";

type Sma = { fast: number; slow: number };
const BARS = syntheticBars(420, 11);
const sma = (p: Sma) => new MaCrossStrategy({ symbol: "ACME", fast: p.fast, slow: p.slow, quantity: "1" });
const fastBelowSlow = (p: Sma) => p.fast < p.slow;

function config(extra: Partial<OptimizeConfig<Sma>> = {}): OptimizeConfig<Sma> {
  return {
    bars: BARS,
    instrument: ACME,
    cash: 10_000,
    makeStrategy: sma,
    space: { fast: [3, 5, 10, 20], slow: [10, 20, 40] },
    constraint: fastBelowSlow,
    train: 120,
    test: 60,
    metric: "sharpe",
    warmup: (p) => p.slow,
    ...extra,
  };
}

describe("search spaces", () => {
  it("expands a grid in order and applies the constraint", () => {
    const sets = searchSpace<Sma>({ fast: [3, 5, 10, 20], slow: [10, 20, 40] }, fastBelowSlow);
    expect(sets).toEqual([
      { fast: 3, slow: 10 },
      { fast: 3, slow: 20 },
      { fast: 3, slow: 40 },
      { fast: 5, slow: 10 },
      { fast: 5, slow: 20 },
      { fast: 5, slow: 40 },
      { fast: 10, slow: 20 },
      { fast: 10, slow: 40 },
      { fast: 20, slow: 40 },
    ]);
  });

  it("rejects an empty grid or an empty value list", () => {
    expect(() => searchSpace({})).toThrow(RangeError);
    expect(() => searchSpace({ fast: [] })).toThrow(RangeError);
  });

  it("draws the same random samples for the same seed, different ones for another seed", () => {
    const space = { random: 12, ranges: { fast: { min: 2, max: 30, step: 1 }, slow: { min: 10, max: 200, step: 5 } }, seed: 42 };
    const a = searchSpace<Sma>(space, fastBelowSlow);
    const b = searchSpace<Sma>(space, fastBelowSlow);
    expect(a).toEqual(b);
    expect(a).toHaveLength(12);
    expect(searchSpace<Sma>({ ...space, seed: 43 }, fastBelowSlow)).not.toEqual(a);
    for (const p of a) {
      expect(p.fast).toBeLessThan(p.slow);
      expect(Number.isInteger(p.fast) && p.fast >= 2 && p.fast <= 30).toBe(true);
      expect(p.slow % 5 === 0 && p.slow >= 10 && p.slow <= 200).toBe(true);
    }
    expect(new Set(a.map((p) => JSON.stringify(p))).size).toBe(a.length);
  });

  it("is reproducible for any seed, within the ranges, on the step grid, distinct (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), fc.integer({ min: 1, max: 20 }), (seed, n) => {
        const ranges = { a: { min: 0.1, max: 0.9, step: 0.1 }, b: { min: -5, max: 5 } };
        const s1 = sampleParams(ranges, n, seed);
        expect(sampleParams(ranges, n, seed)).toEqual(s1);
        expect(s1).toHaveLength(n);
        for (const p of s1) {
          expect(p.a).toBeGreaterThanOrEqual(0.1);
          expect(p.a).toBeLessThanOrEqual(0.9);
          expect(Math.round(p.a * 10) / 10).toBe(p.a);
          expect(p.b).toBeGreaterThanOrEqual(-5);
          expect(p.b).toBeLessThan(5);
        }
        expect(new Set(s1.map((p) => JSON.stringify(p))).size).toBe(n);
      }),
      { numRuns: 50 },
    );
  });

  it("stops short when the ranges hold fewer distinct sets than asked", () => {
    expect(sampleParams({ x: { min: 1, max: 3, step: 1 } }, 10, 1)).toHaveLength(3);
  });

  it("seededRandom is a deterministic stream in [0, 1)", () => {
    const r1 = seededRandom(5);
    const r2 = seededRandom(5);
    for (let i = 0; i < 100; i++) {
      const v = r1();
      expect(v).toBe(r2());
      expect(v >= 0 && v < 1).toBe(true);
    }
  });
});

describe("optimize", () => {
  it("ranks every constrained parameter set by its out-of-sample metric, with the IS/OOS gap", () => {
    const tried: Sma[] = [];
    const result = optimize(config({ makeStrategy: (p) => (tried.push(p), sma(p)) }));
    expect(tried.every(fastBelowSlow)).toBe(true);
    expect(result.evaluated).toHaveLength(9);
    expect(result.ranking).toHaveLength(9);
    expect(result.ranking.map((e) => e.rank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const scores = result.ranking.map((e) => (Number.isNaN(e.score) ? -Infinity : e.score));
    for (let i = 1; i < scores.length; i++) expect(scores[i - 1]).toBeGreaterThanOrEqual(scores[i]);
    for (const e of result.ranking) {
      // Out of sample only: the score is the stitched test-slice curve's metric.
      expect(e.score).toBe(metricValue("sharpe", e.walkForward.stats));
      expect(e.score).toBe(e.outOfSampleMetric);
      expect(e.stats.start).toBe(BARS[120].openTime);
      expect(e.walkForward.windows.every((w) => w.params.fast === e.params.fast && w.params.slow === e.params.slow)).toBe(true);
      expect(e.gap.difference).toBe(e.gap.meanInSample - e.gap.meanOutOfSample);
      expect(e.gap.meanInSample).toBe(e.walkForward.gap.meanInSample);
    }
  });

  it("ranks by the mean per-window out-of-sample metric with rankBy mean", () => {
    const result = optimize(config({ rankBy: "mean", metric: "return" }));
    for (const e of result.ranking) expect(e.score).toBe(e.gap.meanOutOfSample);
    const scores = result.ranking.map((e) => e.score);
    expect([...scores].sort((x, y) => y - x)).toEqual(scores);
  });

  it("gives the same ranking for the same random seed", () => {
    const space = { random: 4, ranges: { fast: { min: 2, max: 12, step: 1 }, slow: { min: 15, max: 60, step: 5 } }, seed: 7 };
    const a = optimize(config({ space, metric: "return" }));
    const b = optimize(config({ space, metric: "return" }));
    expect(a.ranking.map((e) => [e.params, e.score])).toEqual(b.ranking.map((e) => [e.params, e.score]));
    expect(a.evaluated).toHaveLength(4);
  });

  it("refuses a space with nothing satisfying the constraint", () => {
    expect(() => optimize(config({ constraint: () => false }))).toThrow(RangeError);
  });
});
