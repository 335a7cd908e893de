import type { FeatureVector } from "./feature-pipeline";

/** Usual reading of PSI: < 0.1 stable, 0.1 to 0.25 a moderate shift, > 0.25 a significant one. */
export type DriftLevel = "stable" | "moderate" | "significant";

export interface FeatureDrift {
  /** PSI per feature name. */
  psi: Record<string, number>;
  /** The largest PSI and the feature it belongs to. */
  max: { feature: string; psi: number } | null;
  level: DriftLevel;
}

/** An empty bin would make ln(a/e) infinite; a floor of 1e-4 is the customary fix. */
const EMPTY_BIN_SHARE = 1e-4;

/** Inner bin edges at the reference's quantiles; repeated edges (a discrete or constant feature) merge bins. */
export function quantileEdges(reference: readonly number[], bins: number): number[] {
  const sorted = [...reference].sort((a, b) => a - b);
  const edges: number[] = [];
  for (let k = 1; k < bins; k++) {
    const edge = sorted[Math.min(sorted.length - 1, Math.floor((k * sorted.length) / bins))];
    if (edges.length === 0 || edge > edges[edges.length - 1]) edges.push(edge);
  }
  return edges;
}

/** Share of the values in each bin: bin i holds values below edge i and not below edge i-1. */
function binShares(values: readonly number[], edges: readonly number[]): number[] {
  const counts = new Array<number>(edges.length + 1).fill(0);
  for (const value of values) {
    let bin = 0;
    while (bin < edges.length && value >= edges[bin]) bin++;
    counts[bin]++;
  }
  return counts.map((count) => Math.max(count / values.length, EMPTY_BIN_SHARE));
}

/**
 * Population stability index of `recent` against `reference`: sum over the reference's quantile bins of
 * (recent share - reference share) * ln(recent share / reference share). 0 for identical distributions.
 */
export function populationStabilityIndex(reference: readonly number[], recent: readonly number[], bins = 10): number {
  if (reference.length === 0 || recent.length === 0) throw new RangeError("PSI needs values on both sides");
  const edges = quantileEdges(reference, bins);
  const expected = binShares(reference, edges);
  const actual = binShares(recent, edges);
  let psi = 0;
  for (let i = 0; i < expected.length; i++) psi += (actual[i] - expected[i]) * Math.log(actual[i] / expected[i]);
  return psi;
}

export function driftLevel(psi: number): DriftLevel {
  return psi > 0.25 ? "significant" : psi >= 0.1 ? "moderate" : "stable";
}

/** PSI of every named feature of the recent vectors against the reference (training) vectors. */
export function featureDrift(reference: readonly FeatureVector[], recent: readonly FeatureVector[], names: readonly string[], bins = 10): FeatureDrift {
  const psi: Record<string, number> = {};
  let max: FeatureDrift["max"] = null;
  for (const name of names) {
    psi[name] = populationStabilityIndex(reference.map((v) => v.values[name]), recent.map((v) => v.values[name]), bins);
    if (!max || psi[name] > max.psi) max = { feature: name, psi: psi[name] };
  }
  return { psi, max, level: driftLevel(max?.psi ?? 0) };
}
