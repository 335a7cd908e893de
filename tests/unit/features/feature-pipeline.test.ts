import { describe, expect, it } from "vitest";
import { computeFeatures, FEATURE_WARMUP_BARS, FeaturePipeline } from "@/lib/features/feature-pipeline";
import { featureNames } from "@/lib/features/feature-set";
import { randomBars } from "./random-bars";

const bars = randomBars(400);

describe("FeaturePipeline", () => {
  it("returns nothing while warming up, then one vector per bar with every feature of its set", () => {
    const pipeline = new FeaturePipeline();
    const out = bars.map((bar) => pipeline.update(bar));
    expect(out.slice(0, FEATURE_WARMUP_BARS - 1).every((v) => v === null)).toBe(true);
    expect(out.slice(FEATURE_WARMUP_BARS - 1).every((v) => v !== null)).toBe(true);
    const first = out[FEATURE_WARMUP_BARS - 1]!;
    expect(first.ts).toBe(bars[FEATURE_WARMUP_BARS - 1].openTime);
    expect(Object.keys(first.values)).toEqual(featureNames(pipeline.featureSet));
    expect(Object.values(first.values).every(Number.isFinite)).toBe(true);
  });

  it("never looks ahead: the vector of bar t is the same whatever bars come after t", () => {
    const full = computeFeatures(bars);
    for (const t of [FEATURE_WARMUP_BARS - 1, 50, 123, 260, 399]) {
      const truncated = computeFeatures(bars.slice(0, t + 1));
      expect(truncated.at(-1)).toEqual(full.find((v) => v.ts === bars[t].openTime));
    }
  });

  it("a different future changes nothing up to t and something after it", () => {
    const t = 200;
    const otherFuture = [...bars.slice(0, t + 1), ...randomBars(199, 99, bars[t + 1].openTime)];
    const a = computeFeatures(bars);
    const b = computeFeatures(otherFuture);
    const upTo = (vectors: typeof a) => vectors.filter((v) => v.ts <= bars[t].openTime);
    expect(upTo(b)).toEqual(upTo(a));
    expect(b.at(-1)!.values.ret_1).not.toBe(a.at(-1)!.values.ret_1);
  });

  it("refuses a bar that is not after the previous one", () => {
    const pipeline = new FeaturePipeline();
    pipeline.update(bars[1]);
    expect(() => pipeline.update(bars[0])).toThrow(/time order/);
    expect(() => pipeline.update(bars[1])).toThrow(/time order/);
  });

  it("encodes Monday 06:00 UTC as a quarter of the day and the first day of the week", () => {
    const monday6 = Date.UTC(2024, 0, 1, 6);
    const shifted = bars.map((bar, i) => ({ ...bar, openTime: monday6 - (FEATURE_WARMUP_BARS - 1 - i) * 86_400_000 * 7 }));
    const vector = computeFeatures(shifted.slice(0, FEATURE_WARMUP_BARS))[0];
    expect(vector.ts).toBe(monday6);
    expect(vector.values.tod_sin).toBeCloseTo(1, 12);
    expect(vector.values.tod_cos).toBeCloseTo(0, 12);
    expect(vector.values.dow_sin).toBe(0);
    expect(vector.values.dow_cos).toBe(1);
  });
});
