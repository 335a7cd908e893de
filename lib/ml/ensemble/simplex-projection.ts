/**
 * The Euclidean projection of v onto the probability simplex {w : w >= 0, sum w = 1} (the sort-and-threshold
 * algorithm of Held, Wolfe and Crowder; see Duchi et al. 2008).
 */
export function projectOntoSimplex(v: readonly number[]): number[] {
  if (v.length === 0) throw new RangeError("cannot project an empty vector");
  const sorted = [...v].sort((a, b) => b - a);
  let cumulative = 0;
  let threshold = 0;
  for (let i = 0; i < sorted.length; i++) {
    cumulative += sorted[i];
    const candidate = (cumulative - 1) / (i + 1);
    if (sorted[i] - candidate > 0) threshold = candidate;
  }
  return v.map((x) => Math.max(0, x - threshold));
}
