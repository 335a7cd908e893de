import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { FeedKind, FeedState, FeedStatus, Tick } from "@/lib/domain/market-data";
import { FallbackFeed } from "@/lib/market/fallback-feed";
import type { MarketFeed } from "@/lib/market/feed";
import { SimFeed } from "@/lib/market/sim-feed";

/** A feed the test drives by hand: its state and its ticks. */
class ManualFeed implements MarketFeed {
  state: FeedState = "stopped";
  starts = 0;
  private handler: ((tick: Tick) => void) | null = null;
  private seq = 0;

  constructor(readonly name: string, readonly kind: FeedKind, private readonly startState: FeedState = "starting") {}

  async start(onTick: (tick: Tick) => void) {
    this.handler = onTick;
    this.starts++;
    this.state = this.startState;
  }

  async stop() {
    this.handler = null;
    this.state = "stopped";
  }

  status(): FeedStatus {
    return { name: this.name, kind: this.kind, state: this.state, symbols: ["BTCUSDT"], lastTickAt: null, ticks: this.seq };
  }

  emit(price: number) {
    this.handler?.({ symbol: "BTCUSDT", ts: Date.now(), price, size: 1, side: "buy", seq: ++this.seq });
  }
}

const TIMEOUT = 1_000;

function setup() {
  const primary = new ManualFeed("bybit", "bybit");
  const fallbacks: ManualFeed[] = [];
  const resumedFrom: Record<string, number>[] = [];
  const feed = new FallbackFeed({
    primary, timeoutMs: TIMEOUT, label: "SIMULATED (Bybit unreachable)", checkIntervalMs: 50,
    fallback: (prices) => {
      resumedFrom.push({ ...prices });
      const sim = new ManualFeed("sim", "sim", "live");
      fallbacks.push(sim);
      return sim;
    },
  });
  const ticks: Tick[] = [];
  return { primary, fallbacks, resumedFrom, feed, ticks, start: () => feed.start((t) => ticks.push(t)) };
}

beforeEach(() => vi.useFakeTimers({ toFake: ["setInterval", "clearInterval", "setTimeout", "clearTimeout", "Date"] }));
afterEach(() => vi.useRealTimers());

describe("FallbackFeed", () => {
  it("says it is Bybit while Bybit is live, and never starts the simulator", async () => {
    const s = setup();
    await s.start();
    s.primary.state = "live";
    await vi.advanceTimersByTimeAsync(TIMEOUT * 3);
    s.primary.emit(100);
    expect(s.fallbacks).toHaveLength(0);
    expect(s.feed.status()).toMatchObject({ name: "bybit", kind: "bybit", state: "live", ticks: 1 });
    expect(s.feed.status().label).toBeUndefined();
  });

  it("runs the simulator, labelled as such, when Bybit is not live within the timeout", async () => {
    const s = setup();
    await s.start();
    await vi.advanceTimersByTimeAsync(TIMEOUT / 2);
    expect(s.fallbacks).toHaveLength(0);
    expect(s.feed.status()).toMatchObject({ kind: "bybit", state: "starting" });
    await vi.advanceTimersByTimeAsync(TIMEOUT);
    expect(s.fallbacks).toHaveLength(1);
    expect(s.feed.kind).toBe("sim");
    expect(s.feed.status()).toMatchObject({ name: "bybit", kind: "sim", state: "live", label: "SIMULATED (Bybit unreachable)", symbols: ["BTCUSDT"] });
  });

  it("switches back to Bybit when it is live again, keeping each symbol's seq contiguous", async () => {
    const s = setup();
    await s.start();
    s.primary.state = "live";
    s.primary.emit(100);
    s.primary.emit(101);
    s.primary.state = "error";
    await vi.advanceTimersByTimeAsync(TIMEOUT + 100);
    expect(s.resumedFrom).toEqual([{ BTCUSDT: 101 }]);
    s.fallbacks[0].emit(101.5);
    s.fallbacks[0].emit(102);
    s.primary.state = "live";
    await vi.advanceTimersByTimeAsync(100);
    expect(s.fallbacks[0].state).toBe("stopped");
    s.fallbacks[0].emit(999); // a late simulated print after the switch is not forwarded
    s.primary.emit(103);
    expect(s.ticks.map((t) => [t.seq, t.price])).toEqual([[1, 100], [2, 101], [3, 101.5], [4, 102], [5, 103]]);
    expect(s.feed.status()).toMatchObject({ kind: "bybit", state: "live", ticks: 5 });
    expect(s.feed.status().label).toBeUndefined();
  });

  it("a Bybit print while the simulator runs switches over at once", async () => {
    const s = setup();
    await s.start();
    await vi.advanceTimersByTimeAsync(TIMEOUT + 100);
    s.fallbacks[0].emit(50);
    s.primary.state = "live";
    s.primary.emit(60);
    s.fallbacks[0].emit(51);
    expect(s.ticks.map((t) => [t.seq, t.price])).toEqual([[1, 50], [2, 60]]);
    expect(s.feed.activeSource()).toBe("primary");
  });

  it("does not fall back for a short outage", async () => {
    const s = setup();
    await s.start();
    s.primary.state = "live";
    await vi.advanceTimersByTimeAsync(200);
    s.primary.state = "error";
    await vi.advanceTimersByTimeAsync(TIMEOUT / 2);
    s.primary.state = "live";
    await vi.advanceTimersByTimeAsync(TIMEOUT * 2);
    expect(s.fallbacks).toHaveLength(0);
  });

  it("stop() stops both feeds and leaves no timer behind", async () => {
    const s = setup();
    await s.start();
    await vi.advanceTimersByTimeAsync(TIMEOUT + 100);
    await s.feed.stop();
    expect(s.primary.state).toBe("stopped");
    expect(s.fallbacks[0].state).toBe("stopped");
    expect(vi.getTimerCount()).toBe(0);
  });

  it("with the real simulator: resumes from the last Bybit price and numbers ticks on from Bybit's", async () => {
    const primary = new ManualFeed("bybit", "bybit");
    const feed = new FallbackFeed({
      primary, timeoutMs: TIMEOUT, label: "SIMULATED (Bybit unreachable)",
      fallback: (prices) => new SimFeed({ seed: 7, ticksPerSecond: 50, instruments: [{ symbol: "BTCUSDT", startPrice: prices.BTCUSDT ?? 1, tickSize: "0.1", lotSize: "0.0001" }] }),
    });
    const ticks: Tick[] = [];
    await feed.start((t) => ticks.push(t));
    primary.state = "live";
    primary.emit(43_210.5);
    primary.state = "error";
    await vi.advanceTimersByTimeAsync(TIMEOUT + 2_000);
    expect(feed.status()).toMatchObject({ kind: "sim", label: "SIMULATED (Bybit unreachable)" });
    expect(ticks.length).toBeGreaterThan(10);
    expect(ticks.map((t) => t.seq)).toEqual(ticks.map((_, i) => i + 1));
    expect(Math.abs(ticks[1].price / 43_210.5 - 1)).toBeLessThan(0.01);
    await feed.stop();
  });
});
