import { describe, expect, it } from "vitest";
import { OrderWindow, RATE_WINDOW_MS } from "@/lib/risk/order-window";
import { intent } from "../trading/fixtures";

describe("order window", () => {
  it("counts the orders of the last rolling minute, in total and per strategy", () => {
    const window = new OrderWindow();
    window.record(intent({ strategyId: "a" }), 0);
    window.record(intent({ strategyId: "b" }), 30_000);
    window.record(intent({ strategyId: "a" }), 45_000);
    expect(window.countLastMinute(59_999)).toBe(3);
    expect(window.countLastMinuteFor("a", 59_999)).toBe(2);
    expect(window.countLastMinute(RATE_WINDOW_MS)).toBe(2);
    expect(window.countLastMinuteFor("a", RATE_WINDOW_MS)).toBe(1);
    expect(window.countLastMinuteFor("a", 105_000)).toBe(0);
    expect(window.countLastMinute(105_000)).toBe(0);
  });

  it("falls back to the source when an order names no strategy", () => {
    const window = new OrderWindow();
    window.record(intent({ source: "dashboard" }), 0);
    expect(window.countLastMinuteFor("dashboard", 1)).toBe(1);
    expect(window.countLastMinuteFor("api", 1)).toBe(0);
  });

  it("remembers orders for the longest duplicate window asked, even past a minute", () => {
    const window = new OrderWindow();
    const order = intent({ type: "LIMIT", price: "100", quantity: "1" });
    window.record(order, 0);
    expect(window.isDuplicate(order, 10, 120_000)).toBe(true);
    const sameButRenamed = { ...order, clientOrderId: "other", quantity: "1.000" };
    expect(window.isDuplicate(sameButRenamed, 119_000, 120_000)).toBe(true);
    expect(window.isDuplicate(order, 119_000, 1_000)).toBe(false);
    expect(window.isDuplicate(order, 120_001, 120_000)).toBe(false);
  });

  it("does not revive expired orders when the clock steps back", () => {
    const window = new OrderWindow();
    window.record(intent(), 0);
    expect(window.countLastMinute(70_000)).toBe(0);
    expect(window.countLastMinute(1_000)).toBe(0);
  });

  it("stays small and exact over a long stream of orders", () => {
    const window = new OrderWindow();
    for (let t = 0; t < 200_000; t++) window.record(intent({ quantity: String(1 + (t % 7)), strategyId: t % 2 === 0 ? "even" : "odd" }), t * 100);
    const now = 199_999 * 100;
    expect(window.countLastMinute(now)).toBe(600);
    expect(window.countLastMinuteFor("even", now)).toBe(300);
    expect((window as unknown as { entries: unknown[] }).entries.length).toBeLessThan(5_000);
  });
});
