import { describe, expect, it } from "vitest";
import type { Bar } from "@/lib/domain/market-data";
import type { RateGateFactory, Sleep } from "@/lib/runtime/rate-gate";
import { AlphaVantageFeed, type AlphaVantageFeedOptions } from "@/lib/venues/alphavantage/alpha-vantage-feed";
import { fakeFetch, fxBody, INVALID_CALL, intradayBody, QUOTA_INFORMATION, QUOTA_NOTE } from "./fixtures";

// Monday 2024-08-05, US/Eastern is UTC-4.
const at = (hour: number, minute: number, second = 0) => Date.UTC(2024, 7, 5, hour, minute, second);

type Point = [string, string, string, string, string, string];
const point = (etTime: string, close: string): Point => [`2024-08-05 ${etTime}:00`, close, close, close, close, "100"];

function harness(overrides: Partial<AlphaVantageFeedOptions> = {}) {
  const clock = { now: at(14, 7, 30) };
  const answers: Record<string, unknown> = {};
  const { fetch: answering, urls } = fakeFetch((url) => answers[url.searchParams.get("symbol") ?? url.searchParams.get("from_symbol") ?? ""]);
  const network = { down: false };
  const fetch = ((input, init) => {
    if (network.down) return Promise.reject(new TypeError("fetch failed", { cause: new Error("getaddrinfo ENOTFOUND av.test") }));
    return answering(input, init);
  }) as typeof globalThis.fetch;
  const takes: string[] = [];
  const closed: string[] = [];
  const gate: RateGateFactory = (spec) => ({ name: spec.name, take: async () => void takes.push(spec.name), close: async () => void closed.push(spec.name) });
  const bars: Bar[] = [];
  const feed = new AlphaVantageFeed({
    apiKey: "KEY", url: "https://av.test/query", symbols: ["IBM"], interval: "5min", callsPerMinute: 5, callsPerDay: 100_000,
    gate, onBar: (bar) => bars.push(bar), now: () => clock.now, fetch, ...overrides,
  });
  return { feed, clock, answers, urls, takes, closed, bars, network };
}

describe("AlphaVantageFeed", () => {
  it("emits only closed bars, oldest first, and never the same bar twice", async () => {
    const { feed, clock, answers, bars } = harness();
    answers.IBM = intradayBody("IBM", "5min", [point("10:05", "3"), point("10:00", "2"), point("09:55", "1")]);
    await feed.pollOnce();
    expect(bars.map((b) => [b.openTime, b.close])).toEqual([[at(13, 55), 1], [at(14, 0), 2]]);

    clock.now = at(14, 12, 30);
    answers.IBM = intradayBody("IBM", "5min", [point("10:10", "5"), point("10:05", "4"), point("10:00", "2")]);
    await feed.pollOnce();
    expect(bars.map((b) => [b.openTime, b.close])).toEqual([[at(13, 55), 1], [at(14, 0), 2], [at(14, 5), 4]]);
    expect(feed.status()).toMatchObject({ name: "alphavantage", symbols: ["IBM"], ticks: 3, lastTickAt: at(14, 5), lastError: null });
  });

  it("after a restart emits only bars newer than the ones already stored", async () => {
    const { feed, answers, bars } = harness({ resumeAfter: { IBM: at(13, 55) } });
    answers.IBM = intradayBody("IBM", "5min", [point("10:00", "2"), point("09:55", "1"), point("09:50", "0")]);
    await feed.pollOnce();
    expect(bars.map((b) => b.openTime)).toEqual([at(14, 0)]);
  });

  it("stores an FX pair's bars under its slash-less symbol", async () => {
    const { feed, answers, bars } = harness({ symbols: ["EUR/USD"] });
    answers.EUR = fxBody("EUR", "USD", "5min", [["2024-08-05 14:00:00", "1.09100", "1.09120", "1.09090", "1.09110"]]);
    await feed.pollOnce();
    expect(bars).toEqual([{ symbol: "EURUSD", interval: "5m", openTime: at(14, 0), open: 1.091, high: 1.0912, low: 1.0909, close: 1.0911, volume: 0, trades: 0, closed: true }]);
    expect(feed.status().symbols).toEqual(["EURUSD"]);
  });

  it("answers repeated polls inside one bar interval from the cache, costing no call or quota", async () => {
    const { feed, clock, answers, urls, takes } = harness();
    answers.IBM = intradayBody("IBM", "5min", [point("10:00", "2")]);
    await feed.pollOnce();
    clock.now = at(14, 9, 59);
    await feed.pollOnce();
    expect(urls).toHaveLength(1);
    expect(takes).toHaveLength(2);
    clock.now = at(14, 10, 0);
    await feed.pollOnce();
    expect(urls).toHaveLength(2);
  });

  it("takes a point from both the daily and the per-minute quota for every call", async () => {
    const { feed, answers, takes } = harness({ symbols: ["IBM", "EUR/USD"] });
    answers.IBM = intradayBody("IBM", "5min", []);
    answers.EUR = fxBody("EUR", "USD", "5min", []);
    await feed.pollOnce();
    expect(takes.map((name) => name.replace(/-[0-9a-f]{12}-/, "-"))).toEqual(["alphavantage-day", "alphavantage-minute", "alphavantage-day", "alphavantage-minute"]);
  });

  it("backs off after the daily quota message until midnight UTC and reports it in plain words", async () => {
    const { feed, clock, answers, urls } = harness({ symbols: ["IBM", "EUR/USD"] });
    answers.IBM = QUOTA_INFORMATION;
    answers.EUR = QUOTA_INFORMATION;
    await feed.pollOnce();
    expect(urls).toHaveLength(1);
    expect(feed.status().lastError).toMatch(/^Alpha Vantage's daily call quota is used up; next try at 2024-08-06 00:00:00 UTC/);
    expect(feed.nextPollAt()).toBe(Date.UTC(2024, 7, 6));

    clock.now = at(23, 59);
    await feed.pollOnce();
    expect(urls).toHaveLength(1);

    clock.now = Date.UTC(2024, 7, 6, 0, 0, 10);
    answers.IBM = intradayBody("IBM", "5min", []);
    answers.EUR = fxBody("EUR", "USD", "5min", []);
    await feed.pollOnce();
    expect(urls).toHaveLength(3);
    expect(feed.status().lastError).toBeNull();
  });

  it("backs off a minute after the per-minute quota Note", async () => {
    const { feed, clock, answers, urls } = harness();
    clock.now = at(14, 9, 55);
    answers.IBM = QUOTA_NOTE;
    await feed.pollOnce();
    expect(feed.status().lastError).toContain("per-minute call quota is used up");
    expect(feed.nextPollAt()).toBe(at(14, 10, 55));
    clock.now = at(14, 10, 30);
    await feed.pollOnce();
    expect(urls).toHaveLength(1);
  });

  it("stops polling a symbol Alpha Vantage refuses and keeps polling the others", async () => {
    const { feed, clock, answers, urls, bars } = harness({ symbols: ["NOPE", "IBM"] });
    answers.NOPE = INVALID_CALL;
    answers.IBM = intradayBody("IBM", "5min", [point("10:00", "2")]);
    await feed.pollOnce();
    clock.now = at(14, 12, 30);
    await feed.pollOnce();
    expect(urls.map((u) => u.searchParams.get("symbol"))).toEqual(["NOPE", "IBM", "IBM"]);
    expect(bars.map((b) => b.symbol)).toEqual(["IBM"]);
    expect(feed.status().lastError).toMatch(/^Alpha Vantage refused the request for NOPE \(5min\): Invalid API call\..*; NOPE is no longer polled$/);
  });

  it("retries after a network failure at the next poll and clears the error once it works", async () => {
    const { feed, clock, answers, bars, network } = harness();
    network.down = true;
    await feed.pollOnce();
    expect(feed.status().lastError).toBe("Alpha Vantage could not be reached for IBM (5min): getaddrinfo ENOTFOUND av.test; retrying at the next poll");

    network.down = false;
    clock.now = at(14, 12, 30);
    answers.IBM = intradayBody("IBM", "5min", [point("10:05", "3"), point("10:00", "2")]);
    await feed.pollOnce();
    expect(feed.status().lastError).toBeNull();
    expect(bars.map((b) => b.openTime)).toEqual([at(14, 0), at(14, 5)]);
  });

  it("moves to the error state when the bar handler throws", async () => {
    const { feed, answers } = harness({ onBar: () => { throw new Error("disk full"); } });
    answers.IBM = intradayBody("IBM", "5min", [point("10:00", "2"), point("09:55", "1")]);
    await feed.pollOnce();
    expect(feed.status()).toMatchObject({ state: "error", ticks: 0, lastError: "the bar handler failed: disk full" });
  });

  it("spreads the daily quota over the day instead of polling every interval", () => {
    expect(harness({ callsPerDay: 100_000 }).feed.nextPollAt()).toBe(at(14, 10, 10));
    // 25 calls a day for one symbol: one call an hour, on the hour, once the bar has settled.
    expect(harness({ callsPerDay: 25 }).feed.nextPollAt()).toBe(at(15, 0, 10));
  });

  it("polls at once on start, sleeps until the next poll, and stops cleanly", async () => {
    const sleeps: number[] = [];
    let slept!: () => void;
    const sleeping = new Promise<void>((resolve) => (slept = resolve));
    const sleep: Sleep = (ms, signal) => {
      sleeps.push(ms);
      slept();
      return new Promise((_, reject) => signal?.addEventListener("abort", () => reject(signal.reason)));
    };
    const { feed, answers, urls, closed } = harness({ sleep });
    answers.IBM = intradayBody("IBM", "5min", [point("10:00", "2")]);
    await feed.start();
    expect(feed.status().state).toBe("live");
    await sleeping;
    expect(urls).toHaveLength(1);
    expect(sleeps).toEqual([at(14, 10, 10) - at(14, 7, 30)]);
    await feed.stop();
    expect(feed.status()).toMatchObject({ state: "stopped", ticks: 1 });
    expect(closed).toHaveLength(2);
  });
});
