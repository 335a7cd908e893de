import type { Bar } from "@/lib/domain/market-data";
import { FeaturePipeline, type FeatureVector } from "./feature-pipeline";
import type { FeatureSeriesKey } from "./feature-store";

/** Intervals whose features are kept live: those models train on. */
export const LIVE_FEATURE_INTERVALS = ["1m", "5m", "1h"] as const;
const LIVE = new Set<string>(LIVE_FEATURE_INTERVALS);

export interface LiveFeatureVector {
  key: FeatureSeriesKey;
  vector: FeatureVector;
}

/**
 * The feature pipeline run on the engine's closed bars, one pipeline per symbol and interval, so the feature store
 * is fresh to the last closed bar. Warmed on stored bars at start (hundreds of them, so the EMA-based features
 * agree with a backfill from the first bar to double precision); a bar older than the last one seen is ignored.
 */
export class LiveFeatures {
  private readonly series = new Map<string, { pipeline: FeaturePipeline; lastOpenTime: number }>();

  constructor(private readonly onVector: (vector: LiveFeatureVector) => void) {}

  /** Feeds stored history without emitting anything. */
  warmUp(history: readonly Bar[]): void {
    for (const bar of history) this.update(bar);
  }

  onBarClosed(bar: Bar): void {
    const vector = this.update(bar);
    if (vector) this.onVector({ key: { symbol: bar.symbol, interval: bar.interval, version: this.pipelineOf(bar).featureSet.version }, vector });
  }

  private update(bar: Bar): FeatureVector | null {
    if (!LIVE.has(bar.interval)) return null;
    const entry = this.entryOf(bar);
    if (bar.openTime <= entry.lastOpenTime) return null;
    entry.lastOpenTime = bar.openTime;
    return entry.pipeline.update(bar);
  }

  private pipelineOf(bar: Bar): FeaturePipeline {
    return this.entryOf(bar).pipeline;
  }

  private entryOf(bar: Bar) {
    const id = `${bar.symbol}|${bar.interval}`;
    let entry = this.series.get(id);
    if (!entry) this.series.set(id, (entry = { pipeline: new FeaturePipeline(), lastOpenTime: Number.NEGATIVE_INFINITY }));
    return entry;
  }
}
