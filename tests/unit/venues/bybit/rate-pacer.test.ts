import { describe, expect, it } from "vitest";
import { BybitIpBanned, BybitRateLimited, limitStatusFromHeaders, RatePacer } from "@/lib/venues/bybit/rate-pacer";

const START = Date.UTC(2025, 0, 2, 12, 0, 0);

/** A clock that only moves when the pacer sleeps; every wait is recorded. */
function fakeClock() {
  const clock = { now: START, waits: [] as number[] };
  const sleep = async (ms: number) => {
    clock.waits.push(ms);
    clock.now += ms;
  };
  return { clock, now: () => clock.now, sleep };
}

describe("RatePacer: endpoint limits from Bybit's headers", () => {
  it("holds an endpoint whose remaining count reached 0 until the reset timestamp, and leaves other endpoints alone", async () => {
    const { clock, now, sleep } = fakeClock();
    const pacer = new RatePacer({ now, sleep });
    pacer.observe("/v5/order/create", { limit: 10, remaining: 0, resetAt: START + 400 });
    await pacer.acquire("/v5/order/realtime");
    expect(clock.waits).toEqual([]);
    await pacer.acquire("/v5/order/create");
    expect(clock.waits).toEqual([400]);
    expect(clock.now).toBe(START + 400);
  });

  it("spends the remaining requests it was told about before holding", async () => {
    const { clock, now, sleep } = fakeClock();
    const pacer = new RatePacer({ now, sleep });
    pacer.observe("/v5/order/create", { limit: 10, remaining: 2, resetAt: START + 700 });
    await pacer.acquire("/v5/order/create");
    await pacer.acquire("/v5/order/create");
    expect(clock.waits).toEqual([]);
    await pacer.acquire("/v5/order/create");
    expect(clock.waits).toEqual([700]);
  });

  it("after a 10006 waits for the announced reset", async () => {
    const { clock, now, sleep } = fakeClock();
    const pacer = new RatePacer({ now, sleep });
    expect(pacer.tooManyVisits("/v5/order/create", START + 250)).toBe(START + 250);
    await pacer.acquire("/v5/order/create");
    expect(clock.waits).toEqual([250]);
  });

  it("refuses, unsent, a request that would wait longer than allowed", async () => {
    const { clock, now, sleep } = fakeClock();
    const pacer = new RatePacer({ now, sleep, maxWaitMs: 2_000 });
    pacer.tooManyVisits("/v5/order/create", START + 60_000);
    await expect(pacer.acquire("/v5/order/create")).rejects.toBeInstanceOf(BybitRateLimited);
    expect(clock.waits).toEqual([]);
  });

  it("reads the X-Bapi-Limit headers, and nothing when they are absent", () => {
    const headers: Record<string, string> = { "X-Bapi-Limit": "10", "X-Bapi-Limit-Status": "3", "X-Bapi-Limit-Reset-Timestamp": "1672738134824" };
    expect(limitStatusFromHeaders((name) => headers[name] ?? null)).toEqual({ limit: 10, remaining: 3, resetAt: 1672738134824 });
    expect(limitStatusFromHeaders(() => null)).toBeNull();
  });
});

describe("RatePacer: IP budget", () => {
  it("never sends more than the budget in any window", async () => {
    const { clock, now, sleep } = fakeClock();
    const pacer = new RatePacer({ now, sleep, ipBudget: { requests: 5, windowMs: 1_000 } });
    const sentAt: number[] = [];
    for (let i = 0; i < 12; i++) {
      await pacer.acquire(i % 2 ? "/v5/order/create" : "/v5/position/list");
      sentAt.push(clock.now);
      clock.now += 10;
    }
    for (const t of sentAt) expect(sentAt.filter((s) => s >= t && s < t + 1_000).length).toBeLessThanOrEqual(5);
    expect(sentAt[5] - sentAt[0]).toBeGreaterThanOrEqual(1_000);
  });
});

describe("RatePacer: 403 ban", () => {
  it("refuses every request at once for 10 minutes, naming the end time, then lets requests through", async () => {
    const { clock, now, sleep } = fakeClock();
    const bans: number[] = [];
    const pacer = new RatePacer({ now, sleep, onBan: (until) => bans.push(until) });
    pacer.ban();
    expect(bans).toEqual([START + 600_000]);
    const refusal = await pacer.acquire("/v5/order/realtime").catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(BybitIpBanned);
    expect((refusal as Error).message).toContain("12:10:00 UTC");
    clock.now += 599_999;
    await expect(pacer.acquire("/v5/position/list")).rejects.toBeInstanceOf(BybitIpBanned);
    expect(clock.waits).toEqual([]);
    clock.now += 1;
    await pacer.acquire("/v5/position/list");
    expect(pacer.bannedUntil()).toBeNull();
  });
});
