import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Tick } from "@/lib/domain/market-data";
import { createSimGenerator } from "@/lib/market/sim-generator";
import { simInstrumentsFor } from "@/lib/market/sim-instruments";
import { SimFeed } from "@/lib/market/sim-feed";

const START = Date.UTC(2024, 5, 1, 9, 0, 0);

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["setInterval", "clearInterval", "Date"] });
  vi.setSystemTime(START);
});

afterEach(() => {
  vi.useRealTimers();
});

describe("SimFeed", () => {
  it("emits the generator's ticks in real time, none from the future", async () => {
    const feed = new SimFeed({ seed: 3, ticksPerSecond: 40 });
    const ticks: Tick[] = [];
    expect(feed.status().state).toBe("stopped");
    await feed.start((tick) => ticks.push(tick));
    expect(feed.status().state).toBe("live");
    await vi.advanceTimersByTimeAsync(10_000);
    expect(ticks.length).toBeGreaterThan(200);
    expect(ticks.length).toBeLessThan(800);
    expect(ticks.every((t) => t.ts <= Date.now())).toBe(true);
    const generator = createSimGenerator({ seed: 3, instruments: simInstrumentsFor(), startTime: START, meanTicksPerSecond: 40 });
    expect(ticks).toEqual(ticks.map(() => generator.next()));
    expect(feed.status()).toEqual({ name: "simulator", kind: "sim", state: "live", symbols: ["BTCUSDT", "ETHUSDT", "SOLUSDT"], lastTickAt: ticks[ticks.length - 1].ts, ticks: ticks.length });
  });

  it("stop() clears the timer", async () => {
    const feed = new SimFeed({ seed: 1, ticksPerSecond: 50 });
    let count = 0;
    await feed.start(() => count++);
    await vi.advanceTimersByTimeAsync(1_000);
    await feed.stop();
    const before = count;
    await vi.advanceTimersByTimeAsync(5_000);
    expect(count).toBe(before);
    expect(feed.status().state).toBe("stopped");
    expect(vi.getTimerCount()).toBe(0);
  });

  it("skips ahead after a long stall instead of bursting hours of ticks", async () => {
    const feed = new SimFeed({ seed: 2, ticksPerSecond: 100, maxCatchUpMs: 2_000 });
    let count = 0;
    await feed.start(() => count++);
    vi.setSystemTime(START + 3_600_000); // the process slept for an hour
    await vi.advanceTimersByTimeAsync(100);
    expect(count).toBeLessThan(1_000);
    expect(count).toBeGreaterThan(0);
  });

  it("moves to state error, without crashing, when the tick handler throws", async () => {
    const feed = new SimFeed({ seed: 4, ticksPerSecond: 50 });
    await feed.start(() => {
      throw new Error("handler bug");
    });
    await vi.advanceTimersByTimeAsync(1_000);
    expect(feed.status().state).toBe("error");
    expect((feed.lastError() as Error).message).toBe("handler bug");
    expect(vi.getTimerCount()).toBe(0);
  });
});
