import type { Ohlcv } from "@/lib/domain/market-data";
import { FeaturePipeline } from "@/lib/features/feature-pipeline";
import { actionVote } from "@/lib/ml/ensemble/action-vote";
import { combine } from "@/lib/ml/ensemble/combine";
import type { EnsembleSignal, MemberOutput } from "@/lib/ml/ensemble/member-output";
import type { LstmForward } from "@/lib/ml/neural/lstm-forward";
import type { QNetworkForward } from "@/lib/ml/rl/q-network-forward";
import type { RandomForestModel } from "@/lib/ml/random-forest-model";
import { FLAT_POSITION } from "./train-members";

export interface EnsembleMembers {
  featureNames: readonly string[];
  forest: RandomForestModel;
  lstmForward: LstmForward;
  dqnForward: QNetworkForward;
  weights: readonly number[];
}

/**
 * Everything the live path would do per closed bar: the feature pipeline, the last N feature vectors for the
 * LSTM, the three members and the combination. Returns null until the pipeline is warm and the window is full.
 */
export class EnsemblePerBar {
  private readonly pipeline = new FeaturePipeline();
  private readonly window: number[][] = [];
  private readonly lstmProbabilities = [0, 0, 0];
  private readonly observation: Float64Array;

  constructor(private readonly members: EnsembleMembers) {
    this.observation = new Float64Array(members.featureNames.length + 1);
    this.observation[members.featureNames.length] = FLAT_POSITION;
  }

  update(bar: Ohlcv): EnsembleSignal | null {
    const vector = this.pipeline.update(bar);
    if (vector === null) return null;
    const { featureNames, forest, lstmForward, dqnForward, weights } = this.members;
    const row = featureNames.map((name) => vector.values[name]);
    this.observation.set(row);
    this.window.push(row);
    if (this.window.length > lstmForward.windowLength) this.window.shift();
    if (this.window.length < lstmForward.windowLength) return null;
    lstmForward.probabilitiesInto(this.window, this.lstmProbabilities);
    const [down, flat, up] = this.lstmProbabilities;
    const outputs: MemberOutput[] = [
      { member: "random-forest", probabilities: forest.predictProbabilities(row) },
      { member: "lstm", probabilities: [down, flat, up] },
      { member: "double-dqn", probabilities: actionVote(dqnForward.act(this.observation)) },
    ];
    return combine(weights, outputs);
  }
}
