import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SeededRandom } from "@/lib/market/seeded-random";
import { QNetworkForward } from "@/lib/ml/rl/q-network-forward";
import { DoubleDqnAgent, type DqnArtifact, type DqnConfig } from "@/lib/ml/rl/double-dqn";
import { TradingEnv } from "@/lib/ml/rl/trading-env";
import { barsFromCloses, TEST_INSTRUMENT } from "./rising-market";

const config: DqnConfig = {
  observationSize: 4, hiddenUnits: [16, 8], actionCount: 3, learningRate: 0.01, gamma: 0.5, batchSize: 16,
  replayCapacity: 1_000, warmupSteps: 16, targetSyncSteps: 25, epsilonStart: 1, epsilonEnd: 0.05, epsilonDecaySteps: 100,
};

describe("QNetworkForward", () => {
  let agent: DoubleDqnAgent;
  let artifact: DqnArtifact;

  beforeAll(async () => {
    const random = new SeededRandom(2);
    const bars = barsFromCloses(Array.from({ length: 40 }, (_, i) => 100 + 5 * Math.sin(i / 3)));
    const features = bars.map(() => [random.normal(), random.normal(), random.normal()]);
    const env = new TradingEnv({ instrument: TEST_INSTRUMENT, bars, features, initialCash: "1000", quantity: "1", takerFeeBps: "5", slippageBps: "1" });
    agent = await DoubleDqnAgent.create(config);
    await agent.train(env, { episodes: 3, seed: 5 });
    artifact = JSON.parse(JSON.stringify(agent.toArtifact())) as DqnArtifact;
  });

  afterAll(() => agent.dispose());

  it("gives the trained network's Q values within 1e-5 and its action on 50 random observations", () => {
    const forward = new QNetworkForward(artifact);
    const random = new SeededRandom(8);
    for (let i = 0; i < 50; i++) {
      const observation = [2 * random.normal(), 2 * random.normal(), 2 * random.normal(), Math.floor(random.uniform() * 3) - 1];
      const expected = agent.qValues(observation);
      const got = Array.from(forward.qValues(observation));
      got.forEach((q, a) => expect(Math.abs(q - expected[a])).toBeLessThan(1e-5));
      expect(forward.act(observation)).toBe(agent.act(observation));
    }
  });

  it("refuses observations and weights of another size", () => {
    const forward = new QNetworkForward(artifact);
    expect(() => forward.act([1, 2, 3])).toThrow(RangeError);
    expect(() => new QNetworkForward({ ...artifact, config: { ...artifact.config, hiddenUnits: [16] } })).toThrow(RangeError);
  });
});
