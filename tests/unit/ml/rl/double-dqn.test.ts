import { beforeAll, describe, expect, it } from "vitest";
import { TrainingCancelled } from "@/lib/ml/neural/training-cancelled";
import { DoubleDqnAgent, type DqnArtifact, type DqnConfig } from "@/lib/ml/rl/double-dqn";
import { TRADING_ACTIONS, TradingEnv } from "@/lib/ml/rl/trading-env";
import { barsFromCloses, TEST_INSTRUMENT } from "./rising-market";

const LONG = TRADING_ACTIONS.indexOf("long");
const SHORT = TRADING_ACTIONS.indexOf("short");

/** A market that moves one unit per bar in one direction: long (or short) is the best action from every state. */
function trendingMarket(direction: 1 | -1): TradingEnv {
  const bars = barsFromCloses(Array.from({ length: 16 }, (_, i) => 100 + direction * i));
  return new TradingEnv({
    instrument: TEST_INSTRUMENT, bars, features: bars.map(() => [1]), initialCash: "1000", quantity: "1", takerFeeBps: "5", slippageBps: "1",
  });
}

const config: DqnConfig = {
  observationSize: 2, hiddenUnits: [16], actionCount: 3, learningRate: 0.01, gamma: 0.5, batchSize: 16,
  replayCapacity: 1_000, warmupSteps: 32, targetSyncSteps: 25, epsilonStart: 1, epsilonEnd: 0.05, epsilonDecaySteps: 200,
};
const options = { episodes: 25, seed: 3 };

describe("DoubleDqnAgent", () => {
  let agent: DoubleDqnAgent;
  const episodes: { reward: number; loss: number }[] = [];

  beforeAll(async () => {
    agent = await DoubleDqnAgent.create(config);
    await agent.train(trendingMarket(1), { ...options, onEpisode: (_, reward, loss) => void episodes.push({ reward, loss }) });
  });

  it("learns to go long in a market that always rises, from every position", () => {
    for (const position of [-1, 0, 1]) expect(agent.act([1, position])).toBe(LONG);
    expect(episodes.length).toBe(25);
    expect(Number.isNaN(episodes[0].loss)).toBe(true);
    expect(episodes[24].reward).toBeGreaterThan(episodes[0].reward);
  });

  it("learns to go short in a market that always falls", async () => {
    const bear = await DoubleDqnAgent.create(config);
    await bear.train(trendingMarket(-1), options);
    for (const position of [-1, 0, 1]) expect(bear.act([1, position])).toBe(SHORT);
    bear.dispose();
  });

  it("trains to identical weights with the same seed", async () => {
    const again = await DoubleDqnAgent.create(config);
    await again.train(trendingMarket(1), options);
    expect(again.toArtifact()).toEqual(agent.toArtifact());
    again.dispose();
  });

  it("reloads from its JSON artifact and acts identically", async () => {
    const reloaded = await DoubleDqnAgent.fromArtifact(JSON.parse(JSON.stringify(agent.toArtifact())) as DqnArtifact);
    for (const observation of [[1, -1], [1, 0], [1, 1], [0.3, 0], [-2, 1]]) {
      expect(reloaded.qValues(observation)).toEqual(agent.qValues(observation));
      expect(reloaded.act(observation)).toBe(agent.act(observation));
    }
    reloaded.dispose();
  });

  it("stops between episodes once its signal is aborted", async () => {
    const controller = new AbortController();
    const seen: number[] = [];
    const learner = await DoubleDqnAgent.create(config);
    const training = learner.train(trendingMarket(1), {
      ...options,
      signal: controller.signal,
      onEpisode: (episode) => {
        seen.push(episode);
        if (episode === 2) controller.abort();
      },
    });
    await expect(training).rejects.toEqual(new TrainingCancelled(3));
    expect(seen).toEqual([0, 1, 2]);
    expect(() => learner.toArtifact()).toThrow(/has not been trained/);
  });

  it("refuses an environment of another shape", async () => {
    const learner = await DoubleDqnAgent.create({ ...config, observationSize: 5 });
    await expect(learner.train(trendingMarket(1), options)).rejects.toThrow(/2 inputs and 3 actions/);
  });
});
