/** Per-feature mean and standard deviation of the training data; stored with a model so live inputs get the same scale. */
export interface Standardiser {
  mean: number[];
  std: number[];
}

/** Mean and population std of every feature over all time steps of all training sequences; a constant feature gets std 1. */
export function fitStandardiser(sequences: readonly (readonly (readonly number[])[])[]): Standardiser {
  const featureCount = sequences[0]?.[0]?.length ?? 0;
  if (featureCount === 0) throw new RangeError("fitStandardiser needs at least one non-empty sequence");
  const sum = new Array<number>(featureCount).fill(0);
  const sumSquares = new Array<number>(featureCount).fill(0);
  let count = 0;
  for (const sequence of sequences) {
    for (const row of sequence) {
      for (let f = 0; f < featureCount; f++) {
        sum[f] += row[f];
        sumSquares[f] += row[f] * row[f];
      }
      count += 1;
    }
  }
  const mean = sum.map((s) => s / count);
  const std = sumSquares.map((s, f) => {
    const variance = Math.max(0, s / count - mean[f] * mean[f]);
    const deviation = Math.sqrt(variance);
    return deviation > 1e-12 ? deviation : 1;
  });
  return { mean, std };
}

/** Writes the standardised rows of a sequence into out at offset (flat, row-major), the layout a tensor is built from. */
export function standardiseInto(sequence: readonly (readonly number[])[], s: Standardiser, out: Float32Array, offset: number): void {
  let i = offset;
  for (const row of sequence) {
    if (row.length !== s.mean.length) throw new RangeError(`expected ${s.mean.length} features, got ${row.length}`);
    for (let f = 0; f < row.length; f++) out[i++] = (row[f] - s.mean[f]) / s.std[f];
  }
}
