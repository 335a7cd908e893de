import type { Ohlcv } from "@/lib/domain/market-data";
import type { Instrument } from "@/lib/domain/instrument";
import { actionVote } from "@/lib/ml/ensemble/action-vote";
import { learnEnsembleWeights } from "@/lib/ml/ensemble/learn-weights";
import { QNetworkForward } from "@/lib/ml/rl/q-network-forward";
import type { ClassVector } from "@/lib/ml/ensemble/member-output";
import { buildLabelledDataset, type LabelledDataset } from "@/lib/ml/dataset";
import { LstmClassifier, type LstmConfig } from "@/lib/ml/neural/lstm-classifier";
import { LstmForward } from "@/lib/ml/neural/lstm-forward";
import { sequenceWindows } from "@/lib/ml/neural/sequence-windows";
import { DEFAULT_RANDOM_FOREST_PARAMS, RandomForestModel } from "@/lib/ml/random-forest-model";
import { DoubleDqnAgent, type DqnConfig } from "@/lib/ml/rl/double-dqn";
import { TradingEnv } from "@/lib/ml/rl/trading-env";
import { timedSeconds } from "./latency";

export const LABELS = { horizon: 6, deadZone: 0.001 };
export const TRAIN_SAMPLES = 3_000;
export const VALIDATION_SAMPLES = 1_000;
export const LSTM_TRAINING = { epochs: 2, batchSize: 64, seed: 7 };
export const DQN_TRAINING = { episodes: 2, bars: 400, seed: 11 };
/** A flat observation position: the members are timed as if no position were open. */
export const FLAT_POSITION = 0;

const INSTRUMENT: Instrument = { symbol: "UNITTEST/BTC", baseAsset: "UNITTEST", quoteAsset: "BTC", tickSize: "0.00000001", lotSize: "1", minQty: "1", venue: "paper" };

export interface Throughput {
  samples: number;
  seconds: number;
  samplesPerSecond: number;
}

export interface TrainedMembers {
  dataset: LabelledDataset;
  forest: RandomForestModel;
  lstm: LstmClassifier;
  lstmForward: LstmForward;
  dqn: DoubleDqnAgent;
  dqnForward: QNetworkForward;
  weights: number[];
  training: { forest: Throughput; lstm: Throughput; dqnSeconds: number };
}

/** Trains every member once on the first samples and learns the ensemble weights on the next ones. */
export async function trainMembers(bars: readonly Ohlcv[], lstmConfig: LstmConfig): Promise<TrainedMembers> {
  const dataset = buildLabelledDataset(bars, LABELS);
  const trainRows = dataset.features.slice(0, TRAIN_SAMPLES);
  const trainLabels = dataset.labels.slice(0, TRAIN_SAMPLES);
  const forestRun = await timedSeconds(() => RandomForestModel.train(trainRows, trainLabels, dataset.featureNames, DEFAULT_RANDOM_FOREST_PARAMS));
  const lstm = await LstmClassifier.create(lstmConfig);
  const windows = sequenceWindows(trainRows, lstmConfig.windowLength);
  const lstmRun = await timedSeconds(() => lstm.train(windows, trainLabels.slice(lstmConfig.windowLength - 1), LSTM_TRAINING));
  const dqnRun = await timedSeconds(() => trainDqn(bars, dataset));
  const lstmForward = new LstmForward(lstm.toArtifact());
  const members = { forest: forestRun.result, lstmForward, dqn: dqnRun.result, dqnForward: new QNetworkForward(dqnRun.result.toArtifact()) };
  const weights = learnEnsembleWeights(validationOutputs(dataset, members, lstmConfig.windowLength), validationLabels(dataset));
  return {
    dataset, ...members, lstm, weights,
    training: {
      forest: throughput(trainRows.length, forestRun.seconds),
      lstm: throughput(windows.length * LSTM_TRAINING.epochs, lstmRun.seconds),
      dqnSeconds: dqnRun.seconds,
    },
  };
}

async function trainDqn(bars: readonly Ohlcv[], dataset: LabelledDataset): Promise<DoubleDqnAgent> {
  const featureCount = dataset.featureNames.length;
  const config: DqnConfig = {
    observationSize: featureCount + 1, hiddenUnits: [32], actionCount: 3, learningRate: 0.001, gamma: 0.9, batchSize: 32,
    replayCapacity: 5_000, warmupSteps: 64, targetSyncSteps: 100, epsilonStart: 1, epsilonEnd: 0.1, epsilonDecaySteps: 500,
  };
  const env = new TradingEnv({
    instrument: INSTRUMENT, bars: dataset.barIndex.slice(0, DQN_TRAINING.bars).map((t) => bars[t]), features: dataset.features.slice(0, DQN_TRAINING.bars),
    initialCash: "10", quantity: "10", takerFeeBps: "5", slippageBps: "1",
  });
  const agent = await DoubleDqnAgent.create(config);
  await agent.train(env, DQN_TRAINING);
  return agent;
}

/** Validation samples start a label horizon after the last training sample, so no training label reads them. */
function validationRange(): [number, number] {
  const start = TRAIN_SAMPLES + LABELS.horizon;
  return [start, start + VALIDATION_SAMPLES];
}

function validationLabels(dataset: LabelledDataset) {
  const [start, end] = validationRange();
  return dataset.labels.slice(start, end);
}

/** [member][sample] probabilities on the validation samples; the LSTM's window ends at the sample's bar. */
function validationOutputs(dataset: LabelledDataset, members: Pick<TrainedMembers, "forest" | "lstmForward" | "dqnForward">, windowLength: number): ClassVector[][] {
  const [start, end] = validationRange();
  const forest: ClassVector[] = [];
  const lstm: ClassVector[] = [];
  const dqn: ClassVector[] = [];
  for (let p = start; p < end; p++) {
    const row = dataset.features[p];
    forest.push(members.forest.predictProbabilities(row));
    const p3 = [0, 0, 0];
    members.lstmForward.probabilitiesInto(dataset.features.slice(p - windowLength + 1, p + 1), p3);
    lstm.push([p3[0], p3[1], p3[2]]);
    dqn.push(actionVote(members.dqnForward.act([...row, FLAT_POSITION])));
  }
  return [forest, lstm, dqn];
}

function throughput(samples: number, seconds: number): Throughput {
  return { samples, seconds, samplesPerSecond: samples / seconds };
}
