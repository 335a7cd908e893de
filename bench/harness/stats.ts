/** Median of a non-empty list (mean of the middle two for an even count). */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError("median of an empty list");
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Nearest-rank percentile (p in 0..100) of samples already sorted ascending. */
export function percentileOfSorted(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) throw new RangeError("percentile of no samples");
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

export interface LatencySummary {
  samples: number;
  p50Us: number;
  p99Us: number;
  p999Us: number;
  maxUs: number;
}

/** Percentiles in microseconds of per-call durations in nanoseconds; sorts the array in place. */
export function summarizeLatency(durationsNs: Float64Array): LatencySummary {
  durationsNs.sort();
  const us = (ns: number) => ns / 1_000;
  return {
    samples: durationsNs.length,
    p50Us: us(percentileOfSorted(durationsNs, 50)),
    p99Us: us(percentileOfSorted(durationsNs, 99)),
    p999Us: us(percentileOfSorted(durationsNs, 99.9)),
    maxUs: us(durationsNs[durationsNs.length - 1]),
  };
}
