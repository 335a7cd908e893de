import { describe, expect, it } from "vitest";
import { ceilToResolution, computeStats, drawdownPeriods, drawdowns, formatDuration, geometricMean } from "@/lib/backtest/stats";

const DAY = 86_400_000;

describe("backtest statistics helpers", () => {
  it("drawdown periods run between peaks (or the last bar) more than one bar apart", () => {
    const equity = [100, 110, 99, 104.5, 110, 121, 110];
    const dd = drawdowns(equity);
    expect(dd[2]).toBeCloseTo(0.1, 12);
    const times = equity.map((_, i) => i * DAY);
    const { durations, peaks } = drawdownPeriods(dd, times);
    // 110 (bar 1) -> recovered on bar 4; then 121 (bar 5) -> still down on the last bar 6 (one bar apart: skipped).
    expect(durations).toEqual([3 * DAY]);
    expect(peaks[0]).toBeCloseTo(0.1, 12);
  });

  it("geometric mean of returns, 0 when a return wipes out the account", () => {
    expect(geometricMean([0.1, -0.1])).toBeCloseTo(Math.sqrt(1.1 * 0.9) - 1, 12);
    expect(geometricMean([0.5, -1])).toBe(0);
  });

  it("durations are ceiled to the bar resolution and printed like pandas", () => {
    expect(ceilToResolution(1.5 * DAY, DAY)).toBe(2 * DAY);
    expect(ceilToResolution(90 * 60_000 + 1, 3_600_000)).toBe(2 * 3_600_000);
    expect(formatDuration(584 * DAY)).toBe("584 days 00:00:00");
  });
});

describe("statistics of a long run", () => {
  it("handle 300,000 minute bars (years of 1-minute data) without overflowing", () => {
    const n = 300_000;
    const times = Array.from({ length: n }, (_, i) => i * 60_000);
    const closes = times.map((_, i) => 100 + Math.sin(i / 1000));
    const equity = closes.map((c) => c * 100);
    const stats = computeStats({ times, closes, equity, trades: [] });
    expect(stats.equityPeak).toBeCloseTo(10_100, 6);
    expect(stats.maxDrawdownPct).toBeLessThan(0);
  });
});
