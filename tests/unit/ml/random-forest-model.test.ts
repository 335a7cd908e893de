import { describe, expect, it } from "vitest";
import type { Direction } from "@/lib/ml/labels";
import { RandomForestModel, type RandomForestParams } from "@/lib/ml/random-forest-model";
import { SeededRandom } from "@/lib/market/seeded-random";

const PARAMS: RandomForestParams = { trees: 8, featureFraction: 1, maxDepth: 4, minLeafSamples: 5, rowsPerTree: 120, seed: 7 };
const NAMES = ["signal", "noise_a", "noise_b"];

/** The label is a function of the first feature only; the other two are noise. */
function dataset(n: number, seed: number): { x: number[][]; y: Direction[] } {
  const random = new SeededRandom(seed);
  const x = Array.from({ length: n }, () => [random.uniform() * 3, random.uniform(), random.uniform()]);
  return { x, y: x.map(([signal]) => (Math.floor(signal) - 1) as Direction) };
}

describe("RandomForestModel", () => {
  const train = dataset(300, 1);
  const model = RandomForestModel.train(train.x, train.y, NAMES, PARAMS);

  it("learns a rule out of sample, with probabilities over the three classes that sum to 1", () => {
    const test = dataset(200, 2);
    const hits = test.x.filter((x, i) => model.predictDirection(x) === test.y[i]).length;
    expect(hits / test.x.length).toBeGreaterThan(0.9);
    for (const x of test.x) {
      const p = model.predictProbabilities(x);
      expect(p[0] + p[1] + p[2]).toBeCloseTo(1, 12);
    }
    expect(model.predictProbabilities([2.9, 0.5, 0.5])[2]).toBeGreaterThan(0.8);
  });

  it("ranks the feature the labels depend on first", () => {
    const importance = model.featureImportance();
    expect(importance[0].feature).toBe("signal");
    expect(importance[0].importance).toBeGreaterThan(0.8);
    expect(importance.reduce((a, f) => a + f.importance, 0)).toBeCloseTo(1, 12);
  });

  it("serialises to JSON and reloads predicting bit for bit the same", () => {
    const reloaded = RandomForestModel.fromJSON(JSON.stringify(model));
    const probe = dataset(100, 3).x;
    expect(probe.map((x) => reloaded.predictProbabilities(x))).toEqual(probe.map((x) => model.predictProbabilities(x)));
    expect(reloaded.featureImportance()).toEqual(model.featureImportance());
  });

  it("is reproducible with its seed and differs with another", () => {
    expect(JSON.stringify(RandomForestModel.train(train.x, train.y, NAMES, PARAMS))).toBe(JSON.stringify(model));
    expect(JSON.stringify(RandomForestModel.train(train.x, train.y, NAMES, { ...PARAMS, seed: 8 }))).not.toBe(JSON.stringify(model));
  });

  it("refuses rows of the wrong width or with non-finite values, and foreign artifacts", () => {
    expect(() => RandomForestModel.train([[1, 2]], [1], NAMES, PARAMS)).toThrow(RangeError);
    expect(() => RandomForestModel.train([[1, Number.NaN, 3]], [1], NAMES, PARAMS)).toThrow(RangeError);
    expect(() => RandomForestModel.fromJSON('{"kind":"lstm"}')).toThrow(TypeError);
  });
});
