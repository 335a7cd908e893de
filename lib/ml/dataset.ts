import { computeFeatures } from "@/lib/features/feature-pipeline";
import { featureNames, FEATURE_SET_V1 } from "@/lib/features/feature-set";
import type { Ohlcv } from "@/lib/domain/market-data";
import { forwardDirectionLabels, type Direction, type LabelConfig } from "@/lib/ml/labels";

/** Supervised samples over one bar series: sample i is bar `barIndex[i]`, with its features and its label. */
export interface LabelledDataset {
  featureNames: string[];
  featureSetVersion: string;
  barIndex: number[];
  features: number[][];
  labels: Direction[];
  /** Bar index -> sample position, for the splits (which speak in bar indices). */
  positionOfBar: Map<number, number>;
}

/** Bars where both the warm feature vector and the forward label exist, in time order. */
export function buildLabelledDataset(bars: readonly Ohlcv[], labelConfig: LabelConfig): LabelledDataset {
  const names = featureNames(FEATURE_SET_V1);
  const labels = forwardDirectionLabels(bars.map((b) => b.close), labelConfig);
  const barOfTime = new Map(bars.map((b, i) => [b.openTime, i]));
  const dataset: LabelledDataset = {
    featureNames: names, featureSetVersion: FEATURE_SET_V1.version, barIndex: [], features: [], labels: [], positionOfBar: new Map(),
  };
  for (const vector of computeFeatures(bars)) {
    const t = barOfTime.get(vector.ts);
    const label = t === undefined ? null : labels[t];
    if (t === undefined || label === null) continue;
    dataset.positionOfBar.set(t, dataset.barIndex.length);
    dataset.barIndex.push(t);
    dataset.features.push(names.map((name) => vector.values[name]));
    dataset.labels.push(label);
  }
  return dataset;
}

/** The rows and labels of the given bar indices. */
export function selectSamples(dataset: LabelledDataset, bars: readonly number[]): { features: number[][]; labels: Direction[] } {
  const positions = bars.map((t) => {
    const position = dataset.positionOfBar.get(t);
    if (position === undefined) throw new RangeError(`bar ${t} is not a sample`);
    return position;
  });
  return { features: positions.map((p) => dataset.features[p]), labels: positions.map((p) => dataset.labels[p]) };
}
