import { SeededRandom } from "@/lib/market/seeded-random";
import type { Direction } from "@/lib/ml/neural/lstm-classifier";

/** Random feature windows whose label is the sign of the last feature of the last bar, 0 inside a dead zone. */
export function signOfLastFeature(samples: number, windowLength: number, featureCount: number, seed: number) {
  const random = new SeededRandom(seed);
  const sequences: number[][][] = [];
  const labels: Direction[] = [];
  for (let s = 0; s < samples; s++) {
    const window = Array.from({ length: windowLength }, () => Array.from({ length: featureCount }, () => random.normal()));
    const last = window[windowLength - 1][featureCount - 1];
    sequences.push(window);
    labels.push(last > 0.4 ? 1 : last < -0.4 ? -1 : 0);
  }
  return { sequences, labels };
}
