import type { ClassProbabilities, FeatureWindow, LstmArtifact } from "@/lib/ml/neural/lstm-classifier";
import type { WeightArray } from "@/lib/ml/neural/model-weights";

const CLASS_COUNT = 3;
const GATES = 4;

/**
 * The LstmClassifier's inference as plain loops over its exported weights, for the live path: tfjs predict costs
 * milliseconds per call in tensor set-up, this costs tens of microseconds. It computes exactly what the tfjs model
 * computes: an LSTM layer with tfjs-layers' defaults (kernel columns in gate order [i, f, c, o], recurrent activation
 * hardSigmoid = clip(0.2 x + 0.5, 0, 1), activation tanh, zero initial state, bias added), its last hidden state into
 * a softmax dense layer. Float64 throughout; every buffer is allocated once here, so a call allocates nothing.
 */
export class LstmForward {
  readonly windowLength: number;
  readonly featureCount: number;
  readonly units: number;
  private readonly kernel: Float64Array;
  private readonly recurrentKernel: Float64Array;
  private readonly bias: Float64Array;
  private readonly denseKernel: Float64Array;
  private readonly denseBias: Float64Array;
  private readonly mean: Float64Array;
  private readonly inverseStd: Float64Array;
  private readonly input: Float64Array;
  private readonly z: Float64Array;
  private readonly hidden: Float64Array;
  private readonly cell: Float64Array;
  private readonly logits = new Float64Array(CLASS_COUNT);

  constructor(artifact: LstmArtifact) {
    if (artifact.kind !== "lstm-classifier" || artifact.version !== 1) throw new RangeError("not an lstm-classifier v1 artifact");
    const { windowLength, featureCount, units } = artifact.config;
    this.windowLength = windowLength;
    this.featureCount = featureCount;
    this.units = units;
    const [kernel, recurrent, bias, denseKernel, denseBias] = checkedWeights(artifact.weights, featureCount, units);
    this.kernel = Float64Array.from(kernel.values);
    this.recurrentKernel = Float64Array.from(recurrent.values);
    this.bias = Float64Array.from(bias.values);
    this.denseKernel = Float64Array.from(denseKernel.values);
    this.denseBias = Float64Array.from(denseBias.values);
    this.mean = Float64Array.from(artifact.standardiser.mean);
    this.inverseStd = Float64Array.from(artifact.standardiser.std, (s) => 1 / s);
    this.input = new Float64Array(featureCount);
    this.z = new Float64Array(GATES * units);
    this.hidden = new Float64Array(units);
    this.cell = new Float64Array(units);
  }

  /** Writes [down, flat, up] for the window (oldest bar first, raw features) into out; allocates nothing. */
  probabilitiesInto(window: FeatureWindow, out: Float64Array | number[]): void {
    if (window.length !== this.windowLength) throw new RangeError(`expected windows of ${this.windowLength} bars, got ${window.length}`);
    this.hidden.fill(0);
    this.cell.fill(0);
    for (let t = 0; t < window.length; t++) {
      this.standardise(window[t]);
      this.gatePreActivations();
      this.updateState();
    }
    this.softmaxOutput(out);
  }

  /** The same probabilities as an object, like LstmClassifier.predictProba (allocates the result). */
  predictProba(window: FeatureWindow): ClassProbabilities {
    const out = [0, 0, 0];
    this.probabilitiesInto(window, out);
    return { down: out[0], flat: out[1], up: out[2] };
  }

  private standardise(row: readonly number[]): void {
    if (row.length !== this.featureCount) throw new RangeError(`expected ${this.featureCount} features, got ${row.length}`);
    for (let f = 0; f < row.length; f++) this.input[f] = (row[f] - this.mean[f]) * this.inverseStd[f];
  }

  /** z = x . kernel + h . recurrentKernel + bias, walking both matrices row by row (they are row-major). */
  private gatePreActivations(): void {
    const { z, input, hidden, kernel, recurrentKernel } = this;
    const width = z.length;
    z.set(this.bias);
    for (let f = 0; f < input.length; f++) {
      const x = input[f];
      const row = f * width;
      for (let j = 0; j < width; j++) z[j] += x * kernel[row + j];
    }
    for (let u = 0; u < hidden.length; u++) {
      const h = hidden[u];
      const row = u * width;
      for (let j = 0; j < width; j++) z[j] += h * recurrentKernel[row + j];
    }
  }

  private updateState(): void {
    const { z, hidden, cell, units } = this;
    for (let u = 0; u < units; u++) {
      const inputGate = hardSigmoid(z[u]);
      const forgetGate = hardSigmoid(z[units + u]);
      const candidate = Math.tanh(z[2 * units + u]);
      const outputGate = hardSigmoid(z[3 * units + u]);
      cell[u] = forgetGate * cell[u] + inputGate * candidate;
      hidden[u] = outputGate * Math.tanh(cell[u]);
    }
  }

  private softmaxOutput(out: Float64Array | number[]): void {
    const { logits, hidden, denseKernel } = this;
    logits.set(this.denseBias);
    for (let u = 0; u < hidden.length; u++) {
      for (let k = 0; k < CLASS_COUNT; k++) logits[k] += hidden[u] * denseKernel[u * CLASS_COUNT + k];
    }
    const max = Math.max(logits[0], logits[1], logits[2]);
    let sum = 0;
    for (let k = 0; k < CLASS_COUNT; k++) {
      out[k] = Math.exp(logits[k] - max);
      sum += out[k];
    }
    for (let k = 0; k < CLASS_COUNT; k++) out[k] /= sum;
  }
}

function hardSigmoid(x: number): number {
  const y = 0.2 * x + 0.5;
  return y <= 0 ? 0 : y >= 1 ? 1 : y;
}

/** The five tensors of the classifier (LSTM kernel, recurrent kernel, bias; dense kernel, bias), shapes checked. */
function checkedWeights(weights: readonly WeightArray[], featureCount: number, units: number): WeightArray[] {
  const expected = [[featureCount, GATES * units], [units, GATES * units], [GATES * units], [units, CLASS_COUNT], [CLASS_COUNT]];
  const given = weights.map((w) => w.shape.join("x")).join(",");
  if (given !== expected.map((s) => s.join("x")).join(",")) throw new RangeError(`weight shapes ${given} are not those of an LSTM(${units}) classifier over ${featureCount} features`);
  return [...weights];
}
