import { describe, expect, it } from "vitest";
import { dec } from "@/lib/domain/money";
import { symbolPausedCheck } from "@/lib/risk/checks/symbol-paused";
import { intent } from "../trading/fixtures";
import { ctx, NOON_WEDNESDAY } from "../trading/risk-fixtures";

const pausedFor = (ms: number) => () => NOON_WEDNESDAY + ms;

describe("symbol paused check", () => {
  it("refuses entries while the pause lasts and names the end", () => {
    const refused = symbolPausedCheck(ctx({ pausedUntil: pausedFor(60_000) }), intent({ side: "BUY" }));
    expect(refused?.code).toBe("SYMBOL_PAUSED");
    expect(refused?.message).toContain("BTCUSDT until 2026-01-07T12:01:00.000Z");
  });

  it("lets exits through, but not an order that reverses the position", () => {
    const long = ctx({ pausedUntil: pausedFor(60_000), positionQuantity: dec("1") });
    expect(symbolPausedCheck(long, intent({ side: "SELL", quantity: "1" }))).toBeNull();
    expect(symbolPausedCheck(long, intent({ side: "SELL", quantity: "1.5" }))?.code).toBe("SYMBOL_PAUSED");
    expect(symbolPausedCheck(long, intent({ side: "BUY", quantity: "0.1" }))?.code).toBe("SYMBOL_PAUSED");
  });

  it("approves when the pause is over, absent, or the engine passes no pauses", () => {
    expect(symbolPausedCheck(ctx({ pausedUntil: pausedFor(0) }), intent())).toBeNull();
    expect(symbolPausedCheck(ctx({ pausedUntil: () => null }), intent())).toBeNull();
    expect(symbolPausedCheck(ctx(), intent())).toBeNull();
  });
});
