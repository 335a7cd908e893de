import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dailyLimits, Rig } from "./rig";

const symbol = fc.constantFrom("BTCUSDT", "ETHUSDT");
const side = fc.constantFrom<"BUY" | "SELL">("BUY", "SELL");
const quantity = fc.constantFrom("0.1", "0.5", "1");
const basePrice = (s: string) => (s === "BTCUSDT" ? 50_000 : 3_000);

type Step =
  | { kind: "print"; symbol: string; move: number; afterMs: number }
  | { kind: "fill"; symbol: string; side: "BUY" | "SELL"; quantity: string; stop: boolean }
  | { kind: "reject" }
  | { kind: "timer"; afterMs: number }
  | { kind: "order"; symbol: string; side: "BUY" | "SELL"; quantity: string }
  | { kind: "rearm" }
  | { kind: "restart" };

const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant("print" as const), symbol, move: fc.double({ min: -0.2, max: 0.2, noNaN: true }), afterMs: fc.integer({ min: 0, max: 40_000 }) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant("fill" as const), symbol, side, quantity, stop: fc.boolean() }) },
  { weight: 2, arbitrary: fc.constant({ kind: "reject" as const }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("timer" as const), afterMs: fc.integer({ min: 0, max: 3 * 3_600_000 }) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant("order" as const), symbol, side, quantity }) },
  { weight: 1, arbitrary: fc.constant({ kind: "rearm" as const }) },
  { weight: 2, arbitrary: fc.constant({ kind: "restart" as const }) },
);

const limits = fc.record({ flattenOnHalt: fc.boolean() }).map(({ flattenOnHalt }) => dailyLimits({
  maxDailyLossFraction: "0.01", maxDrawdownFraction: "0.05", staleDataMs: 30_000, rejectBurst: { count: 3, windowMs: 60_000 }, flattenOnHalt,
  protections: { stoplossGuard: { count: 2, windowMs: 3_600_000, pauseMs: 1_800_000 }, cooldownAfterExitMs: 600_000, lowProfit: { windowMs: 3_600_000, minProfitFraction: "-0.001", pauseMs: 900_000 } },
}));

async function apply(rig: Rig, s: Step): Promise<Rig> {
  switch (s.kind) {
    case "print":
      rig.print(s.symbol, Math.round(basePrice(s.symbol) * (1 + s.move)), s.afterMs);
      return rig;
    case "fill":
      rig.fill(s.symbol, s.side, s.quantity, rig.price(s.symbol), s.stop ? "STOP" : "MARKET");
      return rig;
    case "reject":
      rig.venueReject();
      return rig;
    case "timer":
      rig.now += s.afterMs;
      rig.monitor.check(rig.now);
      return rig;
    case "order": {
      await rig.controller.idle();
      const decision = rig.order(s.symbol, s.side, s.quantity);
      if (rig.risk.current() === "HALTED") expect(decision).toMatchObject({ approved: false, rejection: { code: "KILL_SWITCH_ACTIVE" } });
      return rig;
    }
    case "rearm":
      await rig.controller.rearm("admin");
      return rig;
    case "restart": {
      await rig.controller.idle();
      const before = rig.snapshot();
      const restarted = await rig.restart();
      expect(restarted.snapshot()).toEqual(before);
      return restarted;
    }
  }
}

describe("the real-time loop under random marks, fills, rejections and restarts", () => {
  it("keeps state, reason, pauses and equity baselines across every restart, and HALTED lets no order through", async () => {
    await fc.assert(
      fc.asyncProperty(limits, fc.array(step, { minLength: 1, maxLength: 60 }), async (riskLimits, steps) => {
        let rig = new Rig(riskLimits);
        rig.print("BTCUSDT", 50_000);
        rig.print("ETHUSDT", 3_000);
        for (const s of steps) rig = await apply(rig, s);
        await rig.controller.idle();
        for (const s of ["BTCUSDT", "ETHUSDT"]) {
          if (rig.risk.current() === "HALTED") expect(rig.order(s, "BUY", "0.1").approved).toBe(false);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("the random runs do reach every state (the property is not vacuous)", async () => {
    const seen = new Set<string>();
    await fc.assert(
      fc.asyncProperty(limits, fc.array(step, { minLength: 20, maxLength: 60 }), async (riskLimits, steps) => {
        let rig = new Rig(riskLimits);
        rig.print("BTCUSDT", 50_000);
        for (const s of steps) {
          rig = await apply(rig, s);
          await rig.controller.idle();
          seen.add(rig.risk.current());
          if (rig.risk.pauses.active(rig.now).length > 0) seen.add("PAUSED");
        }
      }),
      { numRuns: 100 },
    );
    expect([...seen].sort()).toEqual(["ACTIVE", "HALTED", "PAUSED", "REDUCING"]);
  });
});
