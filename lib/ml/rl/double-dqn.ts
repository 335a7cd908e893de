import type { Optimizer, Sequential, Tensor, Variable } from "@tensorflow/tfjs";
import { SeededRandom } from "@/lib/market/seeded-random";
import { exportWeights, importWeights, type WeightArray } from "@/lib/ml/neural/model-weights";
import { loadTf, SeedSequence, type Tf } from "@/lib/ml/neural/tf-runtime";
import { TrainingCancelled } from "@/lib/ml/neural/training-cancelled";
import { argmax, doubleDqnTargets } from "@/lib/ml/rl/double-dqn-target";
import type { Environment } from "@/lib/ml/rl/environment";
import { buildQNetwork, type QNetworkShape } from "@/lib/ml/rl/q-network";
import { ReplayBuffer, type Transition } from "@/lib/ml/rl/replay-buffer";

export interface DqnConfig extends QNetworkShape {
  learningRate: number;
  gamma: number;
  batchSize: number;
  replayCapacity: number;
  /** Transitions collected before the first gradient step. */
  warmupSteps: number;
  /** The target network copies the online one every K gradient steps. */
  targetSyncSteps: number;
  /** Epsilon falls linearly from start to end over this many environment steps, then stays at end. */
  epsilonStart: number;
  epsilonEnd: number;
  epsilonDecaySteps: number;
}

export interface DqnTrainOptions {
  episodes: number;
  seed: number;
  /** Awaited after every episode with its total reward and mean loss (NaN before learning starts). */
  onEpisode?: (episode: number, reward: number, loss: number) => void | Promise<void>;
  /** Checked before every episode; once aborted, train rejects with TrainingCancelled. */
  signal?: AbortSignal;
}

export interface DqnArtifact {
  kind: "double-dqn";
  version: 1;
  config: DqnConfig;
  /** The online network: the one that acts. */
  weights: WeightArray[];
}

interface Learner {
  target: Sequential;
  optimizer: Optimizer;
  buffer: ReplayBuffer;
  random: SeededRandom;
  steps: number;
  updates: number;
}

/**
 * Double DQN: an online Q network acting epsilon-greedily and learning from replayed transitions, with targets
 * from Double Q-learning (online argmax, target-network value) and a target network synced every K updates.
 * Seeded end to end. CPU-heavy: train in the jobs process or a worker thread, never on the engine's event loop.
 */
export class DoubleDqnAgent {
  private online: Sequential | null = null;

  private constructor(private readonly tf: Tf, readonly config: DqnConfig) {}

  static async create(config: DqnConfig): Promise<DoubleDqnAgent> {
    return new DoubleDqnAgent(await loadTf(), config);
  }

  static async fromArtifact(artifact: DqnArtifact): Promise<DoubleDqnAgent> {
    if (artifact.kind !== "double-dqn" || artifact.version !== 1) throw new RangeError("not a double-dqn v1 artifact");
    const agent = await DoubleDqnAgent.create(artifact.config);
    agent.online = buildQNetwork(agent.tf, artifact.config, new SeedSequence(0));
    importWeights(agent.tf, agent.online, artifact.weights);
    return agent;
  }

  /** Trains fresh, seeded networks on the environment; returns the total reward of every episode. */
  async train(env: Environment, options: DqnTrainOptions): Promise<number[]> {
    this.checkEnvironment(env);
    this.dispose();
    const seeds = new SeedSequence(options.seed);
    this.online = buildQNetwork(this.tf, this.config, seeds);
    const learner: Learner = {
      target: buildQNetwork(this.tf, this.config, seeds),
      optimizer: this.tf.train.adam(this.config.learningRate),
      buffer: new ReplayBuffer(this.config.replayCapacity),
      random: new SeededRandom(options.seed),
      steps: 0,
      updates: 0,
    };
    learner.target.setWeights(this.online.getWeights());
    const rewards: number[] = [];
    try {
      for (let episode = 0; episode < options.episodes; episode++) {
        if (options.signal?.aborted) throw new TrainingCancelled(episode);
        const { reward, loss } = this.runEpisode(env, learner);
        rewards.push(reward);
        await options.onEpisode?.(episode, reward, loss);
        // Lets an abort (or anything else) in the same process run between episodes.
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
    } catch (error) {
      // A cancelled or failed run leaves no half-trained network to act or export.
      this.dispose();
      throw error;
    } finally {
      learner.target.dispose();
      learner.optimizer.dispose();
    }
    return rewards;
  }

  /** The greedy action: argmax of the online network's Q values. */
  act(observation: readonly number[]): number {
    return argmax(this.qValues(observation));
  }

  qValues(observation: readonly number[]): number[] {
    const { tf } = this;
    const network = this.trainedNetwork();
    return tf.tidy(() => Array.from((network.predict(tf.tensor2d([observation as number[]])) as Tensor).dataSync()));
  }

  toArtifact(): DqnArtifact {
    return { kind: "double-dqn", version: 1, config: structuredClone(this.config), weights: exportWeights(this.trainedNetwork()) };
  }

  dispose(): void {
    this.online?.dispose();
    this.online = null;
  }

  private runEpisode(env: Environment, learner: Learner): { reward: number; loss: number } {
    let observation = env.reset();
    let total = 0;
    let lossSum = 0;
    let lossCount = 0;
    for (let done = false; !done; ) {
      const action = this.explore(observation, learner);
      const result = env.step(action);
      learner.buffer.add({ observation, action, reward: result.reward, nextObservation: result.observation, done: result.done });
      learner.steps += 1;
      total += result.reward;
      observation = result.observation;
      done = result.done;
      if (learner.buffer.size < Math.max(this.config.warmupSteps, this.config.batchSize)) continue;
      lossSum += this.learn(learner);
      lossCount += 1;
    }
    return { reward: total, loss: lossCount === 0 ? Number.NaN : lossSum / lossCount };
  }

  private explore(observation: readonly number[], learner: Learner): number {
    const { epsilonStart, epsilonEnd, epsilonDecaySteps, actionCount } = this.config;
    const progress = Math.min(1, learner.steps / Math.max(1, epsilonDecaySteps));
    const epsilon = epsilonStart + (epsilonEnd - epsilonStart) * progress;
    if (learner.random.uniform() < epsilon) return Math.floor(learner.random.uniform() * actionCount);
    return this.act(observation);
  }

  /** One gradient step on a replayed batch (Huber loss on Q(s, a) against the Double DQN targets); returns the loss. */
  private learn(learner: Learner): number {
    const { tf, config } = this;
    const online = this.trainedNetwork();
    const batch = learner.buffer.sample(config.batchSize, learner.random);
    const targets = this.targetsFor(batch, learner.target);
    const loss = tf.tidy(() => {
      const observations = tf.tensor2d(batch.map((t) => t.observation as number[]));
      const taken = tf.oneHot(tf.tensor1d(batch.map((t) => t.action), "int32"), config.actionCount);
      const y = tf.tensor1d(targets);
      const variables = online.trainableWeights.map((w) => w.read() as Variable);
      const cost = learner.optimizer.minimize(() => {
        const q = tf.sum(tf.mul(online.apply(observations) as Tensor, taken), 1);
        return tf.losses.huberLoss(y, q);
      }, true, variables);
      return cost === null ? Number.NaN : cost.dataSync()[0];
    });
    learner.updates += 1;
    if (learner.updates % config.targetSyncSteps === 0) learner.target.setWeights(online.getWeights());
    return loss;
  }

  private targetsFor(batch: readonly Transition[], target: Sequential): number[] {
    const { tf } = this;
    const online = this.trainedNetwork();
    const [nextOnline, nextTarget] = tf.tidy(() => {
      const next = tf.tensor2d(batch.map((t) => t.nextObservation as number[]));
      return [online.predict(next) as Tensor, target.predict(next) as Tensor].map((q) => q.arraySync() as number[][]);
    });
    return doubleDqnTargets(batch, nextOnline, nextTarget, this.config.gamma);
  }

  private trainedNetwork(): Sequential {
    if (this.online === null) throw new Error("DoubleDqnAgent has not been trained");
    return this.online;
  }

  private checkEnvironment(env: Environment): void {
    const { observationSize, actionCount } = this.config;
    if (env.observationSize !== observationSize || env.actionCount !== actionCount) {
      throw new RangeError(`environment has ${env.observationSize} inputs and ${env.actionCount} actions, the agent ${observationSize} and ${actionCount}`);
    }
  }
}
