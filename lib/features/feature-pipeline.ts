import { Adx } from "./indicators/adx";
import { Atr } from "./indicators/atr";
import { Bollinger } from "./indicators/bollinger";
import { encodeCalendar } from "./indicators/calendar-encoding";
import { LogReturn } from "./indicators/log-return";
import { Macd } from "./indicators/macd";
import { RealisedVolatility } from "./indicators/realised-volatility";
import { Rsi } from "./indicators/rsi";
import { VolumeZScore } from "./indicators/volume-z-score";
import type { Ohlcv } from "@/lib/domain/market-data";
import { FEATURE_SET_V1, type FeatureSet } from "./feature-set";

/** The features of one closed bar, by name; ts is the bar's open time (Unix ms, UTC). */
export interface FeatureVector {
  ts: number;
  values: Record<string, number>;
}

/**
 * The one feature pipeline, for training and live alike: fed closed bars in time order, one at a time, it returns
 * the FEATURE_SET_V1 vector of each bar once every indicator is warm (from the 28th bar: ADX is the slowest), and
 * null before. Each value at bar t reads bars up to t only.
 */
export class FeaturePipeline {
  readonly featureSet: FeatureSet = FEATURE_SET_V1;
  private readonly returns = [new LogReturn(1), new LogReturn(5), new LogReturn(20)];
  private readonly volatility = new RealisedVolatility(20);
  private readonly rsi = new Rsi(14);
  private readonly macd = new Macd(12, 26, 9);
  private readonly bollinger = new Bollinger(20, 2);
  private readonly atr = new Atr(14);
  private readonly adx = new Adx(14);
  private readonly volume = new VolumeZScore(20);
  private lastOpenTime = Number.NEGATIVE_INFINITY;

  update(bar: Ohlcv): FeatureVector | null {
    if (!(bar.openTime > this.lastOpenTime)) {
      throw new RangeError(`bars must arrive in time order: ${bar.openTime} after ${this.lastOpenTime}`);
    }
    this.lastOpenTime = bar.openTime;
    const [r1, r5, r20] = this.returns.map((r) => r.update(bar.close));
    const rv = this.volatility.update(bar.close);
    const rsi = this.rsi.update(bar.close);
    const macd = this.macd.update(bar.close);
    const bands = this.bollinger.update(bar.close);
    const atr = this.atr.update(bar);
    const adx = this.adx.update(bar);
    const volumeZ = this.volume.update(bar.volume);
    if (r1 === null || r5 === null || r20 === null || rv === null || rsi === null || macd === null || bands === null) return null;
    if (atr === null || adx === null || adx.adx === null || volumeZ === null) return null;
    const calendar = encodeCalendar(bar.openTime);
    return {
      ts: bar.openTime,
      values: {
        ret_1: r1, ret_5: r5, ret_20: r20, rv_20: rv, rsi_14: rsi,
        macd_line: macd.line / bar.close, macd_signal: macd.signal / bar.close, macd_hist: macd.histogram / bar.close,
        bb_pct_b: bands.percentB, bb_width: bands.width, atr_rel_14: atr / bar.close,
        adx_14: adx.adx, plus_di_14: adx.plusDi, minus_di_14: adx.minusDi, volume_z_20: volumeZ,
        tod_sin: calendar.timeOfDaySin, tod_cos: calendar.timeOfDayCos, dow_sin: calendar.dayOfWeekSin, dow_cos: calendar.dayOfWeekCos,
      },
    };
  }
}

/** Training over history: the same pipeline, run over every bar; one vector per bar once warm. */
export function computeFeatures(bars: readonly Ohlcv[]): FeatureVector[] {
  const pipeline = new FeaturePipeline();
  const vectors: FeatureVector[] = [];
  for (const bar of bars) {
    const vector = pipeline.update(bar);
    if (vector) vectors.push(vector);
  }
  return vectors;
}

/** Bars a fresh pipeline needs before its first vector: ADX(14) is first defined on the 2n = 28th bar. */
export const FEATURE_WARMUP_BARS = 28;
