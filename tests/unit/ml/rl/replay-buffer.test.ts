import { describe, expect, it } from "vitest";
import { SeededRandom } from "@/lib/market/seeded-random";
import { ReplayBuffer, type Transition } from "@/lib/ml/rl/replay-buffer";

const transition = (reward: number): Transition => ({ observation: [reward], action: 0, reward, nextObservation: [reward + 1], done: false });

describe("ReplayBuffer", () => {
  it("keeps the last `capacity` transitions, overwriting the oldest", () => {
    const buffer = new ReplayBuffer(3);
    for (let r = 0; r < 5; r++) buffer.add(transition(r));
    expect(buffer.size).toBe(3);
    const seen = new Set(buffer.sample(200, new SeededRandom(1)).map((t) => t.reward));
    expect([...seen].sort()).toEqual([2, 3, 4]);
  });

  it("samples the same batch for the same seed", () => {
    const buffer = new ReplayBuffer(100);
    for (let r = 0; r < 50; r++) buffer.add(transition(r));
    const rewards = (seed: number) => buffer.sample(8, new SeededRandom(seed)).map((t) => t.reward);
    expect(rewards(5)).toEqual(rewards(5));
    expect(rewards(5)).not.toEqual(rewards(6));
  });

  it("refuses to sample when empty", () => {
    expect(() => new ReplayBuffer(2).sample(1, new SeededRandom(1))).toThrow(/empty/);
  });
});
