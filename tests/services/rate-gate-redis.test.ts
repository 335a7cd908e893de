import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import { afterAll, describe, expect, it } from "vitest";
import { createRateGate, RateGateTimeoutError, type RateGate } from "@/lib/runtime/rate-gate";

const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
// A quota name of its own per run, so runs never share points.
const NAME = `tf-test-gate-${randomUUID()}`;
const gates: RateGate[] = [];
const open = (name: string) => {
  const gate = createRateGate({ name, points: 2, durationSeconds: 60, redisUrl: REDIS_URL });
  gates.push(gate);
  return gate;
};

/** Without Redis each gate would fall back to a quota of its own: every test fails loudly instead of testing that. */
async function checkRedis(): Promise<void> {
  const client = new Redis(REDIS_URL, { lazyConnect: true, connectTimeout: 3_000, maxRetriesPerRequest: 0, retryStrategy: () => null });
  try {
    await client.connect();
    await client.ping();
  } catch (error) {
    throw new Error(`The rate gate test needs Redis at ${REDIS_URL}: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    client.disconnect();
  }
}
const redisReachable = checkRedis();
redisReachable.catch(() => {});

afterAll(async () => {
  for (const gate of gates) await gate.close();
});

describe("rate gate on the real Redis (split mode)", () => {
  it("shares one quota between two gates of the same name, as two processes would", async () => {
    await redisReachable;
    const first = open(NAME);
    const second = open(NAME);
    await first.take({ maxWaitMs: 0 });
    await second.take({ maxWaitMs: 0 });
    const refused = await first.take({ maxWaitMs: 0 }).catch((error: Error) => error);
    expect(refused).toBeInstanceOf(RateGateTimeoutError);
    const alsoRefused = await second.take({ maxWaitMs: 0 }).catch((error: Error) => error);
    expect(alsoRefused).toBeInstanceOf(RateGateTimeoutError);
    expect((alsoRefused as RateGateTimeoutError).waitMs).toBeGreaterThan(0);
    expect((alsoRefused as RateGateTimeoutError).waitMs).toBeLessThanOrEqual(60_000);
  });

  it("keeps quotas of different names apart", async () => {
    await redisReachable;
    const other = open(`${NAME}-other`);
    await other.take({ maxWaitMs: 0 });
    await other.take({ maxWaitMs: 0 });
  });
});
