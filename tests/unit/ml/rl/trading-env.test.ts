import { describe, expect, it } from "vitest";
import { dec, ZERO } from "@/lib/domain/money";
import { SeededRandom } from "@/lib/market/seeded-random";
import { TradingEnv, type TradingEnvConfig } from "@/lib/ml/rl/trading-env";
import { barsFromCloses, TEST_INSTRUMENT } from "./rising-market";

function env(closes: number[], overrides: Partial<TradingEnvConfig> = {}): TradingEnv {
  const bars = barsFromCloses(closes);
  return new TradingEnv({
    instrument: TEST_INSTRUMENT, bars, features: bars.map((b) => [b.close / 100]), initialCash: "1000",
    quantity: "1", takerFeeBps: "5", slippageBps: "10", ...overrides,
  });
}

describe("TradingEnv", () => {
  it("fills at the next open with slippage and fees, and rewards the exact change in equity", () => {
    const e = env([100, 102, 103, 101]);
    expect(e.reset()).toEqual([1, 0]);
    // Long: buy at open 100 * 1.001 = 100.1 (on the grid), fee 5 bps = 0.05005; marked at close 102.
    const first = e.step(1);
    expect(first.rewardExact.toFixed()).toBe(dec(102).sub("100.1").sub("0.05005").toFixed());
    expect(first.observation).toEqual([1.02, 1]);
    // Flat: sell at open 102 * 0.999 = 101.898, floored to 101.89; fee 0.050945; from equity at close 102.
    const second = e.step(0);
    expect(second.rewardExact.toFixed()).toBe(dec("101.89").sub("0.050945").sub(102).toFixed());
    expect(e.portfolio.fees().toFixed()).toBe("0.100995");
    expect(second.done).toBe(false);
    expect(e.step(0)).toMatchObject({ reward: 0, done: true, observation: [1.01, 0] });
    expect(() => e.step(0)).toThrow(/episode is over/);
  });

  it("sums its rewards to final equity minus initial cash exactly, over reversals and holds", () => {
    const random = new SeededRandom(3);
    const closes = Array.from({ length: 60 }, (_, i) => 100 + 10 * Math.sin(i / 5) + random.normal());
    const e = env(closes.map((c) => Math.round(c * 100) / 100));
    let total = ZERO;
    let done = false;
    while (!done) {
      const result = e.step(Math.floor(random.uniform() * 3));
      total = total.add(result.rewardExact);
      done = result.done;
    }
    expect(total.eq(e.portfolio.equity().sub(1000))).toBe(true);
    expect(e.portfolio.fees().gt(0)).toBe(true);
    expect(e.rejectedOrders).toEqual([]);
  });

  it("starts every episode from the initial cash", () => {
    const e = env([100, 110, 120]);
    e.step(2);
    e.reset();
    expect(e.portfolio.equity().toFixed()).toBe("1000");
    expect(e.step(1).reward).toBeGreaterThan(0);
  });

  it("sends orders through the pre-trade gate: an off-grid quantity is refused and nothing trades", () => {
    const e = env([100, 101, 102], { quantity: "0.0001" });
    expect(e.step(1).rewardExact.isZero()).toBe(true);
    expect(e.rejectedOrders.length).toBe(1);
  });
});
