import { describe, expect, it } from "vitest";
import { SeededRandom } from "@/lib/market/seeded-random";

function draws(seed: number, count: number, pick: (rng: SeededRandom) => number): number[] {
  const rng = new SeededRandom(seed);
  return Array.from({ length: count }, () => pick(rng));
}

function meanAndVariance(values: number[]): [number, number] {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  return [mean, values.reduce((a, b) => a + (b - mean) ** 2, 0) / (values.length - 1)];
}

describe("SeededRandom", () => {
  it("repeats its sequence for a seed and differs between neighbouring seeds", () => {
    const mixed = (rng: SeededRandom) => rng.uniform() + rng.normal() + rng.exponential(2);
    expect(draws(123, 1_000, mixed)).toEqual(draws(123, 1_000, mixed));
    expect(draws(1, 10, (rng) => rng.uniform())).not.toEqual(draws(2, 10, (rng) => rng.uniform()));
  });

  it("draws uniforms in [0, 1) with mean 1/2", () => {
    const values = draws(5, 100_000, (rng) => rng.uniform());
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThan(1);
    expect(meanAndVariance(values)[0]).toBeCloseTo(0.5, 2);
  });

  it("draws standard normals and exponentials with the right moments", () => {
    const [normalMean, normalVariance] = meanAndVariance(draws(6, 100_000, (rng) => rng.normal()));
    expect(normalMean).toBeCloseTo(0, 1);
    expect(normalVariance).toBeCloseTo(1, 1);
    const [expMean] = meanAndVariance(draws(7, 100_000, (rng) => rng.exponential(4)));
    expect(expMean).toBeCloseTo(0.25, 2);
  });
});
