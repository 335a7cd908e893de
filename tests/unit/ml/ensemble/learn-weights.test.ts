import { describe, expect, it } from "vitest";
import { SeededRandom } from "@/lib/market/seeded-random";
import { ensembleLogLoss, learnEnsembleWeights } from "@/lib/ml/ensemble/learn-weights";
import type { ClassVector } from "@/lib/ml/ensemble/member-output";
import { projectOntoSimplex } from "@/lib/ml/ensemble/simplex-projection";
import { classIndex, type Direction } from "@/lib/ml/labels";

const random = new SeededRandom(17);
const labels: Direction[] = Array.from({ length: 300 }, () => (Math.floor(random.uniform() * 3) - 1) as Direction);

function randomDistribution(): ClassVector {
  const raw = [random.uniform() + 0.05, random.uniform() + 0.05, random.uniform() + 0.05];
  const sum = raw[0] + raw[1] + raw[2];
  return [raw[0] / sum, raw[1] / sum, raw[2] / sum];
}

/** A member that puts `edge` more on the true class than chance before renormalising: informative but imperfect. */
function noisyMember(edge: number): ClassVector[] {
  return labels.map((label) => {
    const p = [...randomDistribution()];
    p[classIndex(label)] += edge;
    const sum = p[0] + p[1] + p[2];
    return [p[0] / sum, p[1] / sum, p[2] / sum];
  });
}

const perfect: ClassVector[] = labels.map((label) => [label === -1 ? 1 : 0, label === 0 ? 1 : 0, label === 1 ? 1 : 0]);
const sumOf = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

describe("learnEnsembleWeights", () => {
  it("gives a perfect member most of the weight; weights are non-negative and sum to 1", () => {
    const weights = learnEnsembleWeights([noisyMember(0.2), perfect, noisyMember(0)], labels);
    expect(weights[1]).toBeGreaterThan(0.9);
    expect(weights.every((w) => w >= 0)).toBe(true);
    expect(sumOf(weights)).toBeCloseTo(1, 12);
  });

  it("finds weights no point of the simplex beats on validation log loss", () => {
    const members = [noisyMember(0.3), noisyMember(0.15), noisyMember(0)];
    const weights = learnEnsembleWeights(members, labels);
    const best = ensembleLogLoss(members, labels, weights);
    const probe = new SeededRandom(3);
    const points = [[1, 0, 0], [0, 1, 0], [0, 0, 1], [1 / 3, 1 / 3, 1 / 3]];
    for (let i = 0; i < 200; i++) points.push([...randomDistributionFrom(probe)]);
    for (const point of points) expect(best).toBeLessThanOrEqual(ensembleLogLoss(members, labels, point) + 1e-9);
    expect(weights[0]).toBeGreaterThan(weights[2]);
    expect(sumOf(weights)).toBeCloseTo(1, 12);
  });

  it("is deterministic", () => {
    const members = [noisyMember(0.1), noisyMember(0.1)];
    expect(learnEnsembleWeights(members, labels)).toEqual(learnEnsembleWeights(members, labels));
  });

  it("refuses members whose sample count differs from the labels'", () => {
    expect(() => learnEnsembleWeights([perfect.slice(1)], labels)).toThrow(RangeError);
    expect(() => learnEnsembleWeights([], labels)).toThrow(RangeError);
  });
});

describe("projectOntoSimplex", () => {
  it("maps points to the nearest point with non-negative coordinates summing to 1", () => {
    expect(projectOntoSimplex([0.5, 0.5, 0.5])).toEqual([1 / 3, 1 / 3, 1 / 3].map((x) => expect.closeTo(x, 15)));
    expect(projectOntoSimplex([2, 0, 0])).toEqual([1, 0, 0]);
    const projected = projectOntoSimplex([0.6, 0.3, -0.5]);
    expect(projected[0]).toBeCloseTo(0.65, 12);
    expect(projected[1]).toBeCloseTo(0.35, 12);
    expect(projected[2]).toBe(0);
  });
});

function randomDistributionFrom(source: SeededRandom): number[] {
  const raw = [-Math.log(source.uniform()), -Math.log(source.uniform()), -Math.log(source.uniform())];
  const sum = raw[0] + raw[1] + raw[2];
  return raw.map((r) => r / sum);
}
