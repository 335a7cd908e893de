import { describe, expect, it } from "vitest";
import { argmax, doubleDqnTargets } from "@/lib/ml/rl/double-dqn-target";

describe("doubleDqnTargets", () => {
  it("values the online network's argmax with the target network, not the target network's own max", () => {
    const steps = [{ reward: 1, done: false }, { reward: -2, done: false }];
    const nextOnline = [[1, 3, 2], [5, 0, 4]];
    const nextTarget = [[10, 20, 30], [7, 9, 8]];
    // Online picks action 1 (target 20) and action 0 (target 7); plain DQN would take 30 and 9.
    expect(doubleDqnTargets(steps, nextOnline, nextTarget, 0.5)).toEqual([1 + 0.5 * 20, -2 + 0.5 * 7]);
  });

  it("bootstraps nothing at the end of an episode", () => {
    expect(doubleDqnTargets([{ reward: 3, done: true }], [[0, 9]], [[100, 100]], 0.99)).toEqual([3]);
  });

  it("argmax takes the first of equal values", () => {
    expect(argmax([2, 5, 5, 1])).toBe(1);
    expect(argmax(new Float32Array([-3, -1, -2]))).toBe(1);
  });
});
