import type { LayersModel, Tensor } from "@tensorflow/tfjs";
import { SeededRandom } from "@/lib/market/seeded-random";
import { exportWeights, importWeights, type WeightArray } from "@/lib/ml/neural/model-weights";
import { fitStandardiser, standardiseInto, type Standardiser } from "@/lib/ml/neural/standardiser";
import { loadTf, SeedSequence, type Tf } from "@/lib/ml/neural/tf-runtime";
import { TrainingCancelled } from "@/lib/ml/neural/training-cancelled";

/** Direction labels: -1 down, 0 inside the dead zone, +1 up. */
export type Direction = -1 | 0 | 1;

/** The last N feature vectors, oldest first. */
export type FeatureWindow = readonly (readonly number[])[];

export interface ClassProbabilities {
  down: number;
  flat: number;
  up: number;
}

export interface LstmConfig {
  /** Bars per input sequence (N). */
  windowLength: number;
  featureCount: number;
  units: number;
  learningRate: number;
}

export interface LstmTrainOptions {
  epochs: number;
  batchSize: number;
  seed: number;
  /** Awaited after every epoch with its mean training loss: a job streams progress from here. */
  onEpoch?: (epoch: number, loss: number) => void | Promise<void>;
  /** Checked before every epoch; once aborted, train rejects with TrainingCancelled. */
  signal?: AbortSignal;
}

export interface LstmArtifact {
  kind: "lstm-classifier";
  version: 1;
  config: LstmConfig;
  standardiser: Standardiser;
  weights: WeightArray[];
}

const CLASS_COUNT = 3;

/**
 * A 3-class (down/flat/up) sequence classifier: LSTM over the standardised last N feature vectors, then softmax.
 * Training is seeded end to end (initializers and the per-epoch shuffle), so the same seed and data give the same
 * weights. CPU-heavy: run it in the jobs process or a worker thread, never on the engine's event loop.
 */
export class LstmClassifier {
  private model: LayersModel | null = null;
  private standardiser: Standardiser | null = null;

  private constructor(private readonly tf: Tf, readonly config: LstmConfig) {}

  static async create(config: LstmConfig): Promise<LstmClassifier> {
    return new LstmClassifier(await loadTf(), config);
  }

  static async fromArtifact(artifact: LstmArtifact): Promise<LstmClassifier> {
    if (artifact.kind !== "lstm-classifier" || artifact.version !== 1) throw new RangeError("not an lstm-classifier v1 artifact");
    const classifier = await LstmClassifier.create(artifact.config);
    classifier.model = classifier.buildModel(new SeedSequence(0));
    importWeights(classifier.tf, classifier.model, artifact.weights);
    classifier.standardiser = { mean: [...artifact.standardiser.mean], std: [...artifact.standardiser.std] };
    return classifier;
  }

  /** Trains fresh, seeded weights on sequences [sample][step][feature] and their labels; returns the loss per epoch. */
  async train(sequences: readonly FeatureWindow[], labels: readonly Direction[], options: LstmTrainOptions): Promise<number[]> {
    this.checkTrainingData(sequences, labels);
    const { tf } = this;
    this.dispose();
    this.standardiser = fitStandardiser(sequences);
    const model = this.buildModel(new SeedSequence(options.seed));
    this.model = model;
    const x = this.inputTensor(sequences);
    const y = tf.tidy(() => tf.oneHot(tf.tensor1d(labels.map((l) => l + 1), "int32"), CLASS_COUNT));
    const shuffle = new SeededRandom(options.seed);
    const losses: number[] = [];
    try {
      for (let epoch = 0; epoch < options.epochs; epoch++) {
        if (options.signal?.aborted) throw new TrainingCancelled(epoch);
        const loss = await this.fitEpoch(x, y, permutation(sequences.length, shuffle), options.batchSize);
        losses.push(loss);
        await options.onEpoch?.(epoch, loss);
      }
    } catch (error) {
      // A cancelled or failed run leaves no half-trained model to export.
      this.dispose();
      throw error;
    } finally {
      tf.dispose([x, y]);
    }
    return losses;
  }

  predictProba(window: FeatureWindow): ClassProbabilities {
    return this.predictProbaBatch([window])[0];
  }

  predictProbaBatch(windows: readonly FeatureWindow[]): ClassProbabilities[] {
    const model = this.trainedModel();
    const x = this.inputTensor(windows);
    const output = model.predict(x) as Tensor;
    const values = output.dataSync();
    this.tf.dispose([x, output]);
    return windows.map((_, i) => ({ down: values[i * 3], flat: values[i * 3 + 1], up: values[i * 3 + 2] }));
  }

  toArtifact(): LstmArtifact {
    const standardiser = this.standardiser;
    if (standardiser === null) throw new Error("LstmClassifier has not been trained");
    const weights = exportWeights(this.trainedModel());
    return { kind: "lstm-classifier", version: 1, config: { ...this.config }, standardiser: { mean: [...standardiser.mean], std: [...standardiser.std] }, weights };
  }

  dispose(): void {
    this.model?.dispose();
    this.model = null;
    this.standardiser = null;
  }

  private buildModel(seeds: SeedSequence): LayersModel {
    const { tf, config } = this;
    const model = tf.sequential();
    model.add(
      tf.layers.lstm({
        inputShape: [config.windowLength, config.featureCount],
        units: config.units,
        kernelInitializer: tf.initializers.glorotUniform({ seed: seeds.take() }),
        recurrentInitializer: tf.initializers.orthogonal({ seed: seeds.take(), gain: 1 }),
      }),
    );
    model.add(tf.layers.dense({ units: CLASS_COUNT, activation: "softmax", kernelInitializer: tf.initializers.glorotUniform({ seed: seeds.take() }) }));
    model.compile({ optimizer: tf.train.adam(config.learningRate), loss: "categoricalCrossentropy" });
    return model;
  }

  private async fitEpoch(x: Tensor, y: Tensor, order: number[], batchSize: number): Promise<number> {
    const { tf } = this;
    const indices = tf.tensor1d(order, "int32");
    const xs = tf.gather(x, indices);
    const ys = tf.gather(y, indices);
    try {
      // Shuffled here with the seeded order: fit's own shuffle draws from Math.random.
      const history = await this.trainedModel().fit(xs, ys, { epochs: 1, batchSize, shuffle: false, verbose: 0 });
      return Number(history.history.loss[0]);
    } finally {
      tf.dispose([indices, xs, ys]);
    }
  }

  private inputTensor(windows: readonly FeatureWindow[]): Tensor {
    const { windowLength, featureCount } = this.config;
    const standardiser = this.standardiser;
    if (standardiser === null) throw new Error("LstmClassifier has not been trained");
    const data = new Float32Array(windows.length * windowLength * featureCount);
    windows.forEach((window, i) => {
      if (window.length !== windowLength) throw new RangeError(`expected windows of ${windowLength} bars, got ${window.length}`);
      standardiseInto(window, standardiser, data, i * windowLength * featureCount);
    });
    return this.tf.tensor3d(data, [windows.length, windowLength, featureCount]);
  }

  private trainedModel(): LayersModel {
    if (this.model === null) throw new Error("LstmClassifier has not been trained");
    return this.model;
  }

  private checkTrainingData(sequences: readonly FeatureWindow[], labels: readonly Direction[]): void {
    if (sequences.length === 0) throw new RangeError("no training sequences");
    if (sequences.length !== labels.length) throw new RangeError(`${sequences.length} sequences but ${labels.length} labels`);
    if (labels.some((l) => l !== -1 && l !== 0 && l !== 1)) throw new RangeError("labels must be -1, 0 or +1");
  }
}

/** Fisher-Yates over 0..n-1 with the seeded generator. */
function permutation(n: number, random: SeededRandom): number[] {
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random.uniform() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  return order;
}
