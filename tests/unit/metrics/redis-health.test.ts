import { createServer, type Server, type Socket } from "node:net";
import type { AddressInfo } from "node:net";
import { Redis, type RedisOptions } from "ioredis";
import { Registry } from "prom-client";
import { afterEach, describe, expect, it } from "vitest";
import { defineRedisHealthMetrics } from "@/lib/metrics/redis-health";
import { ProbeTimeout, within } from "@/lib/metrics/within";

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A TCP server that accepts connections and never answers: ioredis never gets past its handshake. */
async function silentServer(): Promise<number> {
  const sockets: Socket[] = [];
  const server: Server = createServer((socket) => sockets.push(socket));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  cleanups.push(() => new Promise<void>((resolve) => {
    for (const socket of sockets) socket.destroy();
    server.close(() => resolve());
  }));
  return (server.address() as AddressInfo).port;
}

function client(port: number): Redis {
  const options: RedisOptions = { maxRetriesPerRequest: 0, retryStrategy: () => 200 };
  const redis = new Redis(port, "127.0.0.1", options);
  redis.on("error", () => undefined);
  cleanups.push(() => redis.disconnect());
  return redis;
}

describe("Redis health on /metrics", () => {
  it("reports 0 and no ping time for a connection that is not ready, and does not wait for it", async () => {
    const registry = new Registry();
    const health = defineRedisHealthMetrics(registry);
    const port = await silentServer();
    health.watch("bus", client(port));
    const started = performance.now();
    const text = await registry.metrics();
    expect(performance.now() - started).toBeLessThan(500);
    expect(text).toContain('tradeforge_redis_up{client="bus"} 0');
    expect(text).not.toMatch(/^tradeforge_redis_ping_seconds\{/m);
  });

  it("gives up on a probe after its time limit, so a dependency that hangs cannot hang the scrape", async () => {
    const started = performance.now();
    await expect(within(new Promise(() => undefined), 200)).rejects.toBeInstanceOf(ProbeTimeout);
    expect(performance.now() - started).toBeGreaterThanOrEqual(190);
    await expect(within(Promise.resolve("PONG"), 200)).resolves.toBe("PONG");
  });

  it("forgets a connection once unwatched, but not one watched again under the same role", async () => {
    const registry = new Registry();
    const health = defineRedisHealthMetrics(registry);
    const port = await silentServer();
    const unwatchOld = health.watch("bullmq", client(port));
    health.watch("bullmq", client(port));
    unwatchOld();
    expect(await registry.metrics()).toContain('tradeforge_redis_up{client="bullmq"} 0');
  });
});
