import { describe, expect, it } from "vitest";
import type { Bar } from "@/lib/domain/market-data";
import { computeFeatures } from "@/lib/features/feature-pipeline";
import { LiveFeatures, type LiveFeatureVector } from "@/lib/features/live-features";

function bars(count: number): Bar[] {
  return Array.from({ length: count }, (_, i) => {
    const mid = 100 + 10 * Math.sin(i / 40) + 3 * Math.sin(i / 7);
    const open = mid - 0.3 * Math.cos(i);
    const close = mid + 0.3 * Math.sin(i * 1.3);
    return { symbol: "BTCUSDT", interval: "1m", openTime: i * 60_000, open, high: Math.max(open, close) + 0.4, low: Math.min(open, close) - 0.4, close, volume: 900 + (i % 17) * 13, trades: 5, closed: true } as Bar;
  });
}

describe("live features", () => {
  it("warmed on the last 600 stored bars, agrees with a pipeline run from the first bar to 1e-12", () => {
    const all = bars(3_000);
    const reference = new Map(computeFeatures(all).map((v) => [v.ts, v.values]));
    const emitted: LiveFeatureVector[] = [];
    const live = new LiveFeatures((v) => emitted.push(v));
    live.warmUp(all.slice(1_800, 2_400));
    for (const bar of all.slice(2_400)) live.onBarClosed(bar);
    expect(emitted).toHaveLength(600);
    for (const { vector } of emitted) {
      const expected = reference.get(vector.ts)!;
      for (const [name, value] of Object.entries(vector.values)) expect(Math.abs(value - expected[name]), name).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(expected[name])));
    }
  });

  it("ignores a bar no newer than the last one of its series, and intervals models do not use", () => {
    const emitted: LiveFeatureVector[] = [];
    const live = new LiveFeatures((v) => emitted.push(v));
    const series = bars(40);
    for (const bar of series) live.onBarClosed(bar);
    const count = emitted.length;
    live.onBarClosed(series[10]);
    live.onBarClosed({ ...series[39], interval: "1s", openTime: series[39].openTime + 1_000 });
    expect(emitted).toHaveLength(count);
    expect(emitted.every((v) => v.key.interval === "1m" && v.key.symbol === "BTCUSDT")).toBe(true);
  });
});
