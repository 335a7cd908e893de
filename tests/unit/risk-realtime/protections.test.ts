import { describe, expect, it } from "vitest";
import { dailyLimits, Rig } from "./rig";

const protections = (p: NonNullable<ReturnType<typeof dailyLimits>["protections"]>) => dailyLimits({ maxDailyLossFraction: undefined, maxDrawdownFraction: undefined, protections: p });

function open(rig: Rig, quantity = "1"): Rig {
  rig.print("BTCUSDT", 50_000);
  rig.print("ETHUSDT", 3_000);
  rig.fill("BTCUSDT", "BUY", quantity, "50000");
  rig.print("BTCUSDT", 50_000);
  return rig;
}

describe("cooldown after exit", () => {
  it("refuses a new entry on a symbol just closed, until the cooldown ends; other symbols trade", () => {
    const rig = open(new Rig(protections({ cooldownAfterExitMs: 60_000 })));
    rig.fill("BTCUSDT", "SELL", "0.5", "50000");
    rig.print("BTCUSDT", 50_000);
    expect(rig.order("BTCUSDT", "BUY", "0.1")).toEqual({ approved: true });
    rig.fill("BTCUSDT", "SELL", "0.5", "50000");
    rig.print("BTCUSDT", 50_000);
    expect(rig.order("BTCUSDT", "BUY", "0.1")).toMatchObject({ approved: false, rejection: { code: "SYMBOL_PAUSED" } });
    expect(rig.order("BTCUSDT", "SELL", "0.1")).toMatchObject({ approved: false, rejection: { code: "SYMBOL_PAUSED" } });
    expect(rig.order("ETHUSDT", "BUY", "1")).toEqual({ approved: true });
    rig.print("BTCUSDT", 50_000, 60_000);
    expect(rig.order("BTCUSDT", "BUY", "0.1")).toEqual({ approved: true });
  });
});

describe("stop-loss guard", () => {
  it("pauses a symbol after count stop-loss exits within the window; exits stay allowed", () => {
    const rig = open(new Rig(protections({ stoplossGuard: { count: 2, windowMs: 600_000, pauseMs: 3_600_000 } })), "2");
    rig.fill("BTCUSDT", "SELL", "0.5", "49000", "STOP", "stop-1");
    rig.fill("BTCUSDT", "SELL", "0.5", "49000", "STOP", "stop-1");
    rig.print("BTCUSDT", 49_000);
    expect(rig.order("BTCUSDT", "BUY", "0.1")).toEqual({ approved: true });
    rig.fill("BTCUSDT", "SELL", "0.5", "48000", "STOP", "stop-2");
    rig.print("BTCUSDT", 48_000);
    expect(rig.order("BTCUSDT", "BUY", "0.1")).toMatchObject({ rejection: { code: "SYMBOL_PAUSED" } });
    expect(rig.order("BTCUSDT", "SELL", "0.5")).toEqual({ approved: true });
    expect(rig.memory.pauses.map((p) => [p.symbol, p.code])).toEqual([["BTCUSDT", "STOPLOSS_GUARD"]]);
  });

  it("does not count stop orders that opened or grew a position", () => {
    const rig = open(new Rig(protections({ stoplossGuard: { count: 1, windowMs: 600_000, pauseMs: 3_600_000 } })));
    rig.fill("BTCUSDT", "BUY", "0.5", "51000", "STOP");
    rig.print("BTCUSDT", 51_000);
    expect(rig.order("BTCUSDT", "BUY", "0.1")).toEqual({ approved: true });
  });
});

describe("low profit", () => {
  it("pauses every entry when realised profit over the window falls below the floor", () => {
    const rig = open(new Rig(protections({ lowProfit: { windowMs: 3_600_000, minProfitFraction: "0", pauseMs: 600_000 } })), "2");
    rig.fill("BTCUSDT", "SELL", "1", "50100");
    rig.print("BTCUSDT", 50_100);
    expect(rig.order("ETHUSDT", "BUY", "1")).toEqual({ approved: true });
    rig.fill("BTCUSDT", "SELL", "0.5", "49000");
    rig.print("BTCUSDT", 49_000);
    expect(rig.order("ETHUSDT", "BUY", "1")).toMatchObject({ rejection: { code: "SYMBOL_PAUSED" } });
    expect(rig.order("BTCUSDT", "SELL", "0.5")).toEqual({ approved: true });
    expect(rig.memory.pauses.at(-1)).toMatchObject({ symbol: null, code: "LOW_PROFIT" });
  });
});

describe("pauses across a restart", () => {
  it("a paused symbol stays paused after a restart until the pause ends", async () => {
    const rig = open(new Rig(protections({ cooldownAfterExitMs: 60_000 })));
    rig.fill("BTCUSDT", "SELL", "1", "50000");
    rig.print("BTCUSDT", 50_000);
    const restarted = await rig.restart();
    expect(restarted.order("BTCUSDT", "BUY", "0.1")).toMatchObject({ rejection: { code: "SYMBOL_PAUSED" } });
    restarted.print("BTCUSDT", 50_000, 60_000);
    expect(restarted.order("BTCUSDT", "BUY", "0.1")).toEqual({ approved: true });
  });
});
