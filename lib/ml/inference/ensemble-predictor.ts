import type { Ohlcv } from "@/lib/domain/market-data";
import { FEATURE_WARMUP_BARS, FeaturePipeline } from "@/lib/features/feature-pipeline";
import { actionVote } from "@/lib/ml/ensemble/action-vote";
import { combine } from "@/lib/ml/ensemble/combine";
import type { ClassVector, EnsembleSignal } from "@/lib/ml/ensemble/member-output";
import type { Direction } from "@/lib/ml/labels";
import type { Standardiser } from "@/lib/ml/neural/standardiser";
import type { LstmForward } from "@/lib/ml/neural/lstm-forward";
import type { QNetworkForward } from "@/lib/ml/rl/q-network-forward";
import { TRADING_ACTIONS } from "@/lib/ml/rl/trading-env";
import type { RandomForestModel } from "@/lib/ml/random-forest-model";

/** The three members on their allocation-free inference paths, and the ensemble's learned weights (rf, lstm, ddqn). */
export interface EnsembleMembers {
  featureNames: readonly string[];
  forest: RandomForestModel;
  lstm: LstmForward;
  dqn: QNetworkForward;
  /** The feature scale the DQN's observations were trained with; identity when absent. */
  dqnStandardiser?: Standardiser;
  weights: readonly number[];
}

/** What the labels the ensemble was trained on meant: direction of the return over `horizon` bars beyond a dead zone. */
export interface LabelDefinition {
  horizon: number;
  deadZone: number;
}

export const MEMBER_NAMES = ["rf", "lstm", "ddqn"] as const;
const DIRECTION_OF_ACTION: Record<(typeof TRADING_ACTIONS)[number], Direction> = { flat: 0, long: 1, short: -1 };

/**
 * The ensemble on live bars, one closed bar at a time: the feature pipeline, the LSTM's window of the last N vectors,
 * the three members and the weighted combination. The DQN observes the position its own previous call took, as in
 * training and evaluation. Returns null until the pipeline is warm and the window full (warmupBars bars).
 */
export class EnsemblePredictor {
  readonly warmupBars: number;
  private readonly pipeline = new FeaturePipeline();
  private readonly window: number[][] = [];
  private readonly lstmOut = [0, 0, 0];
  private readonly observation: Float64Array;
  private held: Direction = 0;
  private last: ClassVector | null = null;

  constructor(private readonly members: EnsembleMembers, readonly labels: LabelDefinition) {
    this.observation = new Float64Array(members.featureNames.length + 1);
    this.warmupBars = FEATURE_WARMUP_BARS - 1 + members.lstm.windowLength;
  }

  get horizon(): number {
    return this.labels.horizon;
  }

  get deadZone(): number {
    return this.labels.deadZone;
  }

  /** The combined class probabilities [down, flat, up] of the last call that returned a signal. */
  probabilities(): ClassVector | null {
    return this.last;
  }

  update(bar: Ohlcv): EnsembleSignal | null {
    const vector = this.pipeline.update(bar);
    if (vector === null) return null;
    const { featureNames, forest, lstm, weights } = this.members;
    const row = featureNames.map((name) => vector.values[name]);
    this.window.push(row);
    if (this.window.length > lstm.windowLength) this.window.shift();
    if (this.window.length < lstm.windowLength) return null;
    lstm.probabilitiesInto(this.window, this.lstmOut);
    const outputs = [
      { member: MEMBER_NAMES[0], probabilities: forest.predictProbabilities(row) },
      { member: MEMBER_NAMES[1], probabilities: [this.lstmOut[0], this.lstmOut[1], this.lstmOut[2]] as const },
      { member: MEMBER_NAMES[2], probabilities: actionVote(this.dqnAction(row)) },
    ];
    const signal = combine(weights, outputs);
    this.last = signal.probabilities;
    return signal;
  }

  private dqnAction(row: readonly number[]): number {
    const s = this.members.dqnStandardiser;
    for (let f = 0; f < row.length; f++) this.observation[f] = s ? (row[f] - s.mean[f]) / s.std[f] : row[f];
    this.observation[row.length] = this.held;
    const action = this.members.dqn.act(this.observation);
    this.held = DIRECTION_OF_ACTION[TRADING_ACTIONS[action]];
    return action;
  }
}
