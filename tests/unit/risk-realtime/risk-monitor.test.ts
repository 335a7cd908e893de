import { describe, expect, it } from "vitest";
import { dailyLimits, Rig, T0 } from "./rig";

const DAY = 86_400_000;

/** 1 BTC bought at 50,000 on 100,000 of cash: equity moves 1:1 with the BTC price from here. */
function longOneBtc(rig: Rig): Rig {
  rig.print("BTCUSDT", 50_000);
  rig.fill("BTCUSDT", "BUY", "1", "50000");
  rig.print("BTCUSDT", 50_000);
  return rig;
}

describe("daily loss limit", () => {
  it("halts at 0.5 % of start-of-day equity, cancels open orders, audits the trip and refuses new orders", async () => {
    const rig = longOneBtc(new Rig(dailyLimits()));
    rig.print("BTCUSDT", 49_501);
    await rig.controller.idle();
    expect(rig.risk.current()).toBe("ACTIVE");
    rig.print("BTCUSDT", 49_500);
    await rig.controller.idle();
    expect(rig.risk.current()).toBe("HALTED");
    expect(rig.risk.stored().reason).toMatch(/^Daily loss 500 reached the limit 500/);
    expect(rig.memory.state.state).toBe("HALTED");
    expect(rig.memory.events).toContain("DAILY_LOSS");
    expect(rig.memory.audits).toEqual([{ actor: "risk-engine", action: "risk.trip" }]);
    expect(rig.memory.canceled).toBe(1);
    expect(rig.order("ETHUSDT", "BUY", "0.1")).toMatchObject({ approved: false, rejection: { code: "KILL_SWITCH_ACTIVE" } });
    expect(rig.order("BTCUSDT", "SELL", "1")).toMatchObject({ approved: false, rejection: { code: "KILL_SWITCH_ACTIVE" } });
  });

  it("with flattenOnHalt closes every position in REDUCING first, then halts", async () => {
    const rig = longOneBtc(new Rig(dailyLimits({ flattenOnHalt: true })));
    rig.print("BTCUSDT", 49_000);
    await rig.controller.idle();
    expect(rig.risk.current()).toBe("HALTED");
    expect(rig.portfolio.positionQuantity("BTCUSDT").isZero()).toBe(true);
    expect(rig.memory.transitions.map((t) => `${t.from}->${t.to}`)).toEqual(["ACTIVE->REDUCING", "REDUCING->HALTED"]);
  });

  it("keeps start-of-day equity across a restart the same day and takes a new one the next UTC day", async () => {
    const rig = longOneBtc(new Rig(dailyLimits({ maxDailyLossFraction: "0.5" })));
    rig.print("BTCUSDT", 52_000);
    const restarted = await rig.restart();
    restarted.print("BTCUSDT", 52_000);
    expect(restarted.monitor.startOfDayEquity(restarted.now).toFixed()).toBe("100000");
    restarted.print("BTCUSDT", 52_000, DAY);
    expect(restarted.monitor.startOfDayEquity(restarted.now).toFixed()).toBe("102000");
  });

  it("after a re-arm counts the loss from the equity at the re-arm, not from the start of the day", async () => {
    const rig = longOneBtc(new Rig(dailyLimits()));
    rig.print("BTCUSDT", 49_400);
    await rig.controller.idle();
    await rig.controller.rearm("admin@example.com");
    expect(rig.risk.current()).toBe("ACTIVE");
    expect(rig.memory.audits.at(-1)).toEqual({ actor: "admin@example.com", action: "risk.rearm" });
    rig.print("BTCUSDT", 49_000);
    await rig.controller.idle();
    expect(rig.risk.current()).toBe("ACTIVE");
    rig.print("BTCUSDT", 48_900);
    await rig.controller.idle();
    expect(rig.risk.current()).toBe("HALTED");
  });
});

describe("max drawdown", () => {
  it("halts when equity falls 10 % from its peak", async () => {
    const rig = longOneBtc(new Rig(dailyLimits({ maxDailyLossFraction: undefined })));
    rig.print("BTCUSDT", 100_000);
    rig.print("BTCUSDT", 85_001);
    await rig.controller.idle();
    expect(rig.risk.current()).toBe("ACTIVE");
    rig.print("BTCUSDT", 85_000);
    await rig.controller.idle();
    expect(rig.risk.current()).toBe("HALTED");
    expect(rig.risk.stored().reason).toMatch(/^Drawdown 15000 from peak equity 150000/);
  });
});

describe("stale data, reject bursts and reconciliation", () => {
  it("reduces when a symbol with an open position has had no print for staleDataMs; exits still pass", async () => {
    const rig = longOneBtc(new Rig(dailyLimits()));
    rig.print("ETHUSDT", 3_000, 29_000);
    await rig.controller.idle();
    expect(rig.risk.current()).toBe("ACTIVE");
    rig.monitor.check(rig.now + 1_500);
    await rig.controller.idle();
    expect(rig.risk.current()).toBe("REDUCING");
    expect(rig.risk.stored().reason).toMatch(/No print on BTCUSDT/);
    expect(rig.order("BTCUSDT", "BUY", "0.1")).toMatchObject({ rejection: { code: "REDUCE_ONLY" } });
    expect(rig.order("BTCUSDT", "SELL", "0.5")).toEqual({ approved: true });
  });

  it("does not mind a silent symbol without a position", async () => {
    const rig = new Rig(dailyLimits());
    rig.print("BTCUSDT", 50_000);
    rig.monitor.check(rig.now + 120_000);
    await rig.controller.idle();
    expect(rig.risk.current()).toBe("ACTIVE");
  });

  it("reduces after count venue rejections within the window, not when they are spread out", async () => {
    const spread = new Rig(dailyLimits());
    for (let i = 0; i < 3; i++) {
      spread.venueReject();
      spread.now += 31_000;
    }
    await spread.controller.idle();
    expect(spread.risk.current()).toBe("ACTIVE");
    const burst = new Rig(dailyLimits());
    for (let i = 0; i < 3; i++) burst.venueReject();
    await burst.controller.idle();
    expect(burst.risk.current()).toBe("REDUCING");
    expect(burst.memory.events).toContain("REJECT_BURST");
  });

  it("an explicit trip request towards a looser state is ignored", async () => {
    const rig = new Rig(dailyLimits(), undefined, undefined, T0);
    await rig.controller.trip({ to: "HALTED", code: "RECONCILIATION_FAILED", reason: "x", flatten: false, at: T0 });
    await rig.controller.trip({ to: "REDUCING", code: "STALE_DATA", reason: "y", flatten: false, at: T0 });
    expect(rig.risk.stored()).toMatchObject({ state: "HALTED", reason: "x" });
  });
});
