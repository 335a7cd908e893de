import { describe, expect, it } from "vitest";
import { featureDrift, populationStabilityIndex } from "@/lib/features/drift";
import type { FeatureVector } from "@/lib/features/feature-pipeline";
import { SeededRandom } from "@/lib/market/seeded-random";

const normals = (count: number, seed: number, mean = 0, std = 1) => {
  const random = new SeededRandom(seed);
  return Array.from({ length: count }, () => mean + std * random.normal());
};

describe("population stability index", () => {
  it("is about 0 for a sample of the same distribution", () => {
    expect(populationStabilityIndex(normals(5000, 1), normals(1000, 2))).toBeLessThan(0.02);
  });

  it("is above 0.25 when the distribution has shifted by one standard deviation or widened", () => {
    expect(populationStabilityIndex(normals(5000, 1), normals(1000, 2, 1))).toBeGreaterThan(0.25);
    expect(populationStabilityIndex(normals(5000, 1), normals(1000, 2, 0, 2.5))).toBeGreaterThan(0.25);
  });

  it("stays finite when recent values fall outside every reference bin, and handles a constant feature", () => {
    const psi = populationStabilityIndex(normals(1000, 1), normals(200, 2, 50));
    expect(Number.isFinite(psi)).toBe(true);
    expect(psi).toBeGreaterThan(5);
    expect(populationStabilityIndex(new Array(100).fill(1), new Array(50).fill(1))).toBe(0);
  });

  it("names the feature that drifted", () => {
    const vectors = (seed: number, shift: number): FeatureVector[] =>
      normals(800, seed).map((x, i) => ({ ts: i, values: { calm: x, moving: x + shift } }));
    const drift = featureDrift(vectors(1, 0), vectors(2, 1.5).slice(0, 300), ["calm", "moving"]);
    expect(drift.psi.calm).toBeLessThan(0.1);
    expect(drift.max).toEqual({ feature: "moving", psi: drift.psi.moving });
    expect(drift.level).toBe("significant");
  });
});
