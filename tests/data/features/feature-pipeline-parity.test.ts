import { describe, expect, it } from "vitest";
import { computeFeatures, FEATURE_WARMUP_BARS, FeaturePipeline, type FeatureVector } from "@/lib/features/feature-pipeline";
import { featureNames, FEATURE_SET_V1 } from "@/lib/features/feature-set";
import { readFreqtradeCandles } from "@/lib/market/replay/freqtrade-candles";
import { sharedDataPath } from "@/tests/support/shared-data";

/** Every value as its 64 raw bits, so "identical" means bit for bit, -0 and NaN included. */
function bits(vectors: readonly FeatureVector[]): string[] {
  const names = featureNames(FEATURE_SET_V1);
  const view = new DataView(new ArrayBuffer(8));
  return vectors.map((v) => `${v.ts}:${names.map((name) => (view.setFloat64(0, v.values[name]), view.getBigUint64(0).toString(16))).join(",")}`);
}

describe("feature pipeline on real candles (freqtrade ETH/BTC 5m, 5760 bars)", () => {
  it("gives bit-identical vectors in batch and bar by bar, one per bar after warm-up, all finite", async () => {
    const bars = await readFreqtradeCandles(sharedDataPath("freqtrade", "UNITTEST_BTC-5m.json"));
    expect(bars).toHaveLength(5760);
    const batch = computeFeatures(bars);

    const live = new FeaturePipeline();
    const streamed: FeatureVector[] = [];
    for (const bar of bars) {
      // What the live engine hands over: a closed bar with its symbol and interval around the OHLCV numbers.
      const vector = live.update({ ...bar, symbol: "ETHBTC", interval: "5m", trades: 0, closed: true } as typeof bar);
      if (vector) streamed.push(vector);
    }

    expect(batch).toHaveLength(bars.length - FEATURE_WARMUP_BARS + 1);
    expect(bits(streamed)).toEqual(bits(batch));
    expect(batch.every((v) => Object.values(v.values).every(Number.isFinite))).toBe(true);
    const rsi = batch.map((v) => v.values.rsi_14);
    expect(Math.min(...rsi)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...rsi)).toBeLessThanOrEqual(100);
  });
});
