import { beforeAll, describe, expect, it } from "vitest";
import { LstmClassifier, type ClassProbabilities, type LstmArtifact, type LstmConfig } from "@/lib/ml/neural/lstm-classifier";
import { TrainingCancelled } from "@/lib/ml/neural/training-cancelled";
import { signOfLastFeature } from "./synthetic-sequences";

const config: LstmConfig = { windowLength: 5, featureCount: 3, units: 16, learningRate: 0.02 };
const data = signOfLastFeature(256, config.windowLength, config.featureCount, 11);
const options = { epochs: 8, batchSize: 32, seed: 7 };

function predictedClass(p: ClassProbabilities): number {
  if (p.up >= p.down && p.up >= p.flat) return 1;
  return p.down >= p.flat ? -1 : 0;
}

describe("LstmClassifier", () => {
  let trained: LstmClassifier;
  let losses: number[];
  const epochsSeen: number[] = [];

  beforeAll(async () => {
    trained = await LstmClassifier.create(config);
    losses = await trained.train(data.sequences, data.labels, { ...options, onEpoch: (epoch) => void epochsSeen.push(epoch) });
  });

  it("learns the sign of the last feature to over 90 % training accuracy, reporting every epoch", () => {
    const predictions = trained.predictProbaBatch(data.sequences);
    const correct = predictions.filter((p, i) => predictedClass(p) === data.labels[i]).length;
    expect(correct / data.labels.length).toBeGreaterThan(0.9);
    expect(epochsSeen).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(losses[7]).toBeLessThan(losses[0]);
  });

  it("gives bit-identical weights for the same seed and data, different ones for another seed", async () => {
    const again = await LstmClassifier.create(config);
    await again.train(data.sequences, data.labels, options);
    expect(again.toArtifact().weights).toEqual(trained.toArtifact().weights);
    const other = await LstmClassifier.create(config);
    await other.train(data.sequences, data.labels, { ...options, epochs: 1, seed: 8 });
    expect(other.toArtifact().weights).not.toEqual(trained.toArtifact().weights);
    again.dispose();
    other.dispose();
  });

  it("reloads from its JSON artifact and predicts identically", async () => {
    const artifact = JSON.parse(JSON.stringify(trained.toArtifact())) as LstmArtifact;
    const reloaded = await LstmClassifier.fromArtifact(artifact);
    const windows = data.sequences.slice(0, 20);
    expect(reloaded.predictProbaBatch(windows)).toEqual(trained.predictProbaBatch(windows));
    expect(reloaded.predictProba(windows[3])).toEqual(trained.predictProba(windows[3]));
    reloaded.dispose();
  });

  it("stops between epochs once its signal is aborted", async () => {
    const controller = new AbortController();
    const seen: number[] = [];
    const classifier = await LstmClassifier.create(config);
    const training = classifier.train(data.sequences.slice(0, 64), data.labels.slice(0, 64), {
      ...options,
      signal: controller.signal,
      onEpoch: (epoch) => {
        seen.push(epoch);
        if (epoch === 1) controller.abort();
      },
    });
    await expect(training).rejects.toEqual(new TrainingCancelled(2));
    expect(seen).toEqual([0, 1]);
    expect(() => classifier.toArtifact()).toThrow(/has not been trained/);
  });

  it("refuses windows of the wrong length and labels outside -1..1", async () => {
    expect(() => trained.predictProba(data.sequences[0].slice(1))).toThrow(/windows of 5 bars/);
    const classifier = await LstmClassifier.create(config);
    await expect(classifier.train(data.sequences.slice(0, 2), [1, 2 as never], options)).rejects.toThrow(/-1, 0 or \+1/);
  });
});
