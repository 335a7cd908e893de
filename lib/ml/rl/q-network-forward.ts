import type { DqnArtifact } from "@/lib/ml/rl/double-dqn";
import { argmax } from "@/lib/ml/rl/double-dqn-target";

interface DenseLayer {
  inputs: number;
  outputs: number;
  /** Row-major [inputs][outputs], as tfjs stores a dense kernel. */
  kernel: Float64Array;
  bias: Float64Array;
  relu: boolean;
}

/**
 * The Double DQN's greedy action as plain loops over its exported online network (dense ReLU hidden layers, a
 * linear output: lib/ml/rl/q-network.ts), for the per-bar ensemble: a tfjs predict call has a millisecond tail,
 * this one does not. Buffers are allocated once; a call allocates nothing.
 */
export class QNetworkForward {
  readonly observationSize: number;
  private readonly layers: DenseLayer[];
  private readonly activations: Float64Array[];

  constructor(artifact: DqnArtifact) {
    if (artifact.kind !== "double-dqn" || artifact.version !== 1) throw new RangeError("not a double-dqn v1 artifact");
    const { observationSize, hiddenUnits, actionCount } = artifact.config;
    const sizes = [observationSize, ...hiddenUnits, actionCount];
    if (artifact.weights.length !== 2 * (sizes.length - 1)) throw new RangeError(`${artifact.weights.length} weight tensors for ${sizes.length - 1} dense layers`);
    this.observationSize = observationSize;
    this.layers = sizes.slice(1).map((outputs, l) => {
      const [kernel, bias] = [artifact.weights[2 * l], artifact.weights[2 * l + 1]];
      if (kernel.shape.join("x") !== `${sizes[l]}x${outputs}` || bias.shape.join("x") !== `${outputs}`) throw new RangeError(`layer ${l} weights do not fit ${sizes[l]} -> ${outputs}`);
      return { inputs: sizes[l], outputs, kernel: Float64Array.from(kernel.values), bias: Float64Array.from(bias.values), relu: l < sizes.length - 2 };
    });
    this.activations = sizes.map((size) => new Float64Array(size));
  }

  /** argmax of the Q values, ties to the lowest action, as DoubleDqnAgent.act. */
  act(observation: ArrayLike<number>): number {
    return argmax(this.qValues(observation));
  }

  /** The Q values, in a buffer reused by the next call. */
  qValues(observation: ArrayLike<number>): Float64Array {
    if (observation.length !== this.observationSize) throw new RangeError(`expected ${this.observationSize} observation values, got ${observation.length}`);
    const input = this.activations[0];
    for (let i = 0; i < input.length; i++) input[i] = observation[i];
    this.layers.forEach((layer, l) => denseInto(layer, this.activations[l], this.activations[l + 1]));
    return this.activations[this.activations.length - 1];
  }
}

function denseInto(layer: DenseLayer, input: Float64Array, output: Float64Array): void {
  const { inputs, outputs, kernel, bias, relu } = layer;
  output.set(bias);
  for (let i = 0; i < inputs; i++) {
    const x = input[i];
    const row = i * outputs;
    for (let j = 0; j < outputs; j++) output[j] += x * kernel[row + j];
  }
  if (relu) for (let j = 0; j < outputs; j++) if (output[j] < 0) output[j] = 0;
}
