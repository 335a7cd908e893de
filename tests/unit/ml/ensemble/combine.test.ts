import { describe, expect, it } from "vitest";
import { actionVote } from "@/lib/ml/ensemble/action-vote";
import { combine } from "@/lib/ml/ensemble/combine";
import type { MemberOutput } from "@/lib/ml/ensemble/member-output";
import { TRADING_ACTIONS } from "@/lib/ml/rl/trading-env";

const outputs: MemberOutput[] = [
  { member: "random-forest", probabilities: [0.2, 0.3, 0.5] },
  { member: "lstm", probabilities: [0.6, 0.3, 0.1] },
  { member: "double-dqn", probabilities: actionVote(TRADING_ACTIONS.indexOf("short")) },
];

describe("combine", () => {
  it("is the weighted average of the members' probabilities; the signal is its most likely class", () => {
    const signal = combine([0.5, 0.3, 0.2], outputs);
    // down 0.1 + 0.18 + 0.2 = 0.48, flat 0.15 + 0.09 = 0.24, up 0.25 + 0.03 = 0.28
    expect(signal.direction).toBe(-1);
    expect(signal.confidence).toBeCloseTo(0.48, 12);
    const upOnly = combine([1, 0, 0], outputs);
    expect(upOnly).toMatchObject({ direction: 1, confidence: 0.5 });
  });

  it("lists every member's own vote, in member order", () => {
    expect(combine([0.5, 0.3, 0.2], outputs).votes).toEqual([
      { member: "random-forest", direction: 1, confidence: 0.5 },
      { member: "lstm", direction: -1, confidence: 0.6 },
      { member: "double-dqn", direction: -1, confidence: 1 },
    ]);
  });

  it("refuses a weight count that differs from the member count", () => {
    expect(() => combine([1], outputs)).toThrow(RangeError);
  });
});

describe("actionVote", () => {
  it("maps long to up, short to down and flat to flat, one-hot", () => {
    expect(actionVote(TRADING_ACTIONS.indexOf("long"))).toEqual([0, 0, 1]);
    expect(actionVote(TRADING_ACTIONS.indexOf("short"))).toEqual([1, 0, 0]);
    expect(actionVote(TRADING_ACTIONS.indexOf("flat"))).toEqual([0, 1, 0]);
    expect(() => actionVote(3)).toThrow(RangeError);
  });
});
