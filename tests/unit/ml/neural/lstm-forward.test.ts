import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SeededRandom } from "@/lib/market/seeded-random";
import { LstmClassifier, type LstmArtifact, type LstmConfig } from "@/lib/ml/neural/lstm-classifier";
import { LstmForward } from "@/lib/ml/neural/lstm-forward";
import { signOfLastFeature } from "./synthetic-sequences";

const config: LstmConfig = { windowLength: 8, featureCount: 4, units: 12, learningRate: 0.02 };

/** Windows on another scale and offset than the training data, so the standardiser and the saturated gates both matter. */
function randomWindows(count: number, seed: number): number[][][] {
  const random = new SeededRandom(seed);
  return Array.from({ length: count }, () =>
    Array.from({ length: config.windowLength }, () => Array.from({ length: config.featureCount }, () => 0.5 + 3 * random.normal())),
  );
}

describe("LstmForward", () => {
  let classifier: LstmClassifier;
  let artifact: LstmArtifact;

  beforeAll(async () => {
    const data = signOfLastFeature(160, config.windowLength, config.featureCount, 5);
    classifier = await LstmClassifier.create(config);
    await classifier.train(data.sequences, data.labels, { epochs: 4, batchSize: 32, seed: 9 });
    artifact = JSON.parse(JSON.stringify(classifier.toArtifact())) as LstmArtifact;
  });

  afterAll(() => classifier.dispose());

  it("gives the probabilities of the tfjs model within 1e-5 on 50 random windows", () => {
    const forward = new LstmForward(artifact);
    const windows = randomWindows(50, 21);
    const expected = classifier.predictProbaBatch(windows);
    let largest = 0;
    windows.forEach((window, i) => {
      const got = forward.predictProba(window);
      for (const k of ["down", "flat", "up"] as const) largest = Math.max(largest, Math.abs(got[k] - expected[i][k]));
      expect(got.down + got.flat + got.up).toBeCloseTo(1, 12);
    });
    expect(largest).toBeLessThan(1e-5);
  });

  it("writes the same values into a reused buffer, call after call", () => {
    const forward = new LstmForward(artifact);
    const [first, second] = randomWindows(2, 4);
    const out = new Float64Array(3);
    forward.probabilitiesInto(first, out);
    const firstValues = Array.from(out);
    forward.probabilitiesInto(second, out);
    forward.probabilitiesInto(first, out);
    expect(Array.from(out)).toEqual(firstValues);
    const p = forward.predictProba(first);
    expect([p.down, p.flat, p.up]).toEqual(firstValues);
  });

  it("refuses weights of another shape and windows of another length", () => {
    const wrongUnits = { ...artifact, config: { ...artifact.config, units: 8 } };
    expect(() => new LstmForward(wrongUnits)).toThrow(RangeError);
    const forward = new LstmForward(artifact);
    expect(() => forward.predictProba(randomWindows(1, 1)[0].slice(1))).toThrow(RangeError);
  });
});
