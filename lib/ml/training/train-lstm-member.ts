import { directionOfClass } from "@/lib/ml/labels";
import { argMax } from "@/lib/ml/arg-max";
import { LstmClassifier, type LstmConfig } from "@/lib/ml/neural/lstm-classifier";
import type { StageProgress, TrainedMember } from "./member-predictor";
import type { TrainingRequest } from "./training-request";
import { windowsAt, type SamplePart, type TrainingSamples } from "./training-samples";

const BATCH_SIZE = 32;

export function lstmPredictor(classifier: LstmClassifier, samples: TrainingSamples): TrainedMember["predict"] {
  return async (positions) => {
    const probabilities = classifier.predictProbaBatch(windowsAt(samples, positions)).map((p) => [p.down, p.flat, p.up]);
    return { directions: probabilities.map((p) => directionOfClass(argMax(p))), probabilities };
  };
}

/** A small LSTM on the training windows; progress and the cancel check after every epoch. */
export async function trainLstmMember(samples: TrainingSamples, train: SamplePart, request: TrainingRequest, progress: StageProgress, signal: AbortSignal): Promise<TrainedMember> {
  const started = performance.now();
  const config: LstmConfig = { windowLength: samples.windowLength, featureCount: samples.dataset.featureNames.length, units: request.lstm.units, learningRate: 0.01 };
  const classifier = await LstmClassifier.create(config);
  const { epochs } = request.lstm;
  const losses = await classifier.train(windowsAt(samples, train.positions), train.labels, {
    epochs, batchSize: BATCH_SIZE, seed: request.seed, signal,
    onEpoch: (epoch, loss) => progress((epoch + 1) / epochs, `lstm epoch ${epoch + 1}/${epochs} (loss ${loss.toFixed(4)})`),
  });
  return {
    kind: "lstm", params: { ...config, epochs, batchSize: BATCH_SIZE, seed: request.seed, finalLoss: losses[losses.length - 1] },
    artifact: classifier.toArtifact(), durationMs: Math.round(performance.now() - started),
    predict: lstmPredictor(classifier, samples), dispose: () => classifier.dispose(),
  };
}
