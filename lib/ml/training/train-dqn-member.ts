import { Decimal } from "decimal.js";
import type { Instrument } from "@/lib/domain/instrument";
import type { RecordedBar } from "@/lib/market/replay/recording";
import { actionVote } from "@/lib/ml/ensemble/action-vote";
import type { Direction } from "@/lib/ml/labels";
import { fitStandardiser, type Standardiser } from "@/lib/ml/neural/standardiser";
import { DoubleDqnAgent, type DqnArtifact, type DqnConfig } from "@/lib/ml/rl/double-dqn";
import { TRADING_ACTIONS, TradingEnv } from "@/lib/ml/rl/trading-env";
import type { StageProgress, TrainedMember } from "./member-predictor";
import type { TrainingRequest } from "./training-request";
import type { SamplePart, TrainingSamples } from "./training-samples";

/** What the registry stores for the DQN member: the agent, and the feature scale its observations were built with. */
export interface DqnMemberArtifact {
  kind: "ddqn-member";
  agent: DqnArtifact;
  standardiser: Standardiser;
}

const INSTRUMENT: Instrument = { symbol: "ML-TRAIN", baseAsset: "BASE", quoteAsset: "QUOTE", tickSize: "0.00000001", lotSize: "0.00000001", minQty: "0.00000001", venue: "backtest" };
/** Small cash, one equity's worth of the asset: rewards stay near 1 per bar, a scale a small Q network learns. */
const CASH = 1_000;
const DIRECTION_OF_ACTION: Record<(typeof TRADING_ACTIONS)[number], Direction> = { flat: 0, long: 1, short: -1 };

function dqnConfig(request: TrainingRequest, observationSize: number, steps: number): DqnConfig {
  return {
    observationSize, hiddenUnits: [request.dqn.hiddenUnits], actionCount: TRADING_ACTIONS.length, learningRate: 0.005, gamma: 0.9,
    batchSize: 32, replayCapacity: 5_000, warmupSteps: 64, targetSyncSteps: 50, epsilonStart: 1, epsilonEnd: 0.05,
    epsilonDecaySteps: Math.max(1, Math.floor(steps * request.dqn.episodes * 0.7)),
  };
}

const scaled = (row: readonly number[], s: Standardiser) => row.map((v, f) => (v - s.mean[f]) / s.std[f]);

/**
 * The agent's greedy positions over consecutive samples, each observation carrying the position it took at the bar
 * before (flat at the first). It names an action, not a distribution, so it votes one-hot (the ensemble's actionVote).
 */
export function dqnPredictor(agent: DoubleDqnAgent, standardiser: Standardiser, samples: TrainingSamples): TrainedMember["predict"] {
  return async (positions) => {
    let held: Direction = 0;
    const directions: Direction[] = [];
    const probabilities: number[][] = [];
    for (const p of positions) {
      const action = agent.act([...scaled(samples.dataset.features[p], standardiser), held]);
      held = DIRECTION_OF_ACTION[TRADING_ACTIONS[action]];
      directions.push(held);
      probabilities.push([...actionVote(action)]);
    }
    return { directions, probabilities };
  };
}

/** Double DQN trading the training span on the backtester's own path (fees, slippage); progress after every episode. */
export async function trainDqnMember(bars: readonly RecordedBar[], samples: TrainingSamples, train: SamplePart, request: TrainingRequest, progress: StageProgress, signal: AbortSignal): Promise<TrainedMember> {
  const started = performance.now();
  const rows = train.positions.map((p) => samples.dataset.features[p]);
  const standardiser = fitStandardiser([rows]);
  const envBars = train.bars.map((t) => bars[t]);
  const env = new TradingEnv({
    instrument: INSTRUMENT, bars: envBars, features: rows.map((r) => scaled(r, standardiser)), initialCash: String(CASH),
    quantity: new Decimal(CASH).div(envBars[0].close).toDecimalPlaces(8, Decimal.ROUND_DOWN).toFixed(),
    takerFeeBps: String(request.costs.commission * 10_000), slippageBps: String(request.costs.slippageBps),
  });
  const config = dqnConfig(request, env.observationSize, envBars.length - 1);
  const agent = await DoubleDqnAgent.create(config);
  const { episodes } = request.dqn;
  const rewards = await agent.train(env, {
    episodes, seed: request.seed, signal,
    onEpisode: (episode, reward) => progress((episode + 1) / episodes, `ddqn episode ${episode + 1}/${episodes} (reward ${reward.toFixed(2)})`),
  });
  const artifact: DqnMemberArtifact = { kind: "ddqn-member", agent: agent.toArtifact(), standardiser };
  return {
    kind: "ddqn", params: { ...config, episodes, seed: request.seed, episodeRewards: rewards }, artifact, durationMs: Math.round(performance.now() - started),
    predict: dqnPredictor(agent, standardiser, samples), dispose: () => agent.dispose(),
  };
}
