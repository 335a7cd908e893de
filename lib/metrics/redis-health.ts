import { Gauge, type Registry } from "prom-client";
import { within } from "./within";

/** What the probe needs of a Redis client (ioredis): its connection state and PING. */
export interface PingableRedis {
  readonly status: string;
  ping(): Promise<unknown>;
}

export interface RedisHealthMetrics {
  /** Probes the client on every scrape under `client` (its role: bullmq, bus, ...) until the returned function is called. */
  watch(client: string, redis: PingableRedis): () => void;
}

const PING_TIMEOUT_MS = 1_000;

/** Seconds one PING took, or null when the connection is not ready or PING failed or timed out. */
async function pingSeconds(redis: PingableRedis): Promise<number | null> {
  if (redis.status !== "ready") return null;
  const started = performance.now();
  try {
    await within(redis.ping(), PING_TIMEOUT_MS);
    return (performance.now() - started) / 1000;
  } catch {
    return null;
  }
}

/**
 * tradeforge_redis_up{client} and tradeforge_redis_ping_seconds{client}: one PING per watched connection per
 * scrape, on the connection the process really uses, so "up" means this process can talk to Redis now.
 */
export function defineRedisHealthMetrics(registry: Registry): RedisHealthMetrics {
  const clients = new Map<string, PingableRedis>();
  // A scrape collects both gauges at once: the second joins the round of PINGs the first started.
  let inFlight: Promise<[string, number | null][]> | undefined;
  const probeAll = () => {
    inFlight ??= Promise.all([...clients].map(async ([name, redis]) => [name, await pingSeconds(redis)] as [string, number | null])).finally(() => {
      inFlight = undefined;
    });
    return inFlight;
  };
  new Gauge({
    name: "tradeforge_redis_up", help: "1 when this process's Redis connection is ready and answered PING within 1 s, else 0", labelNames: ["client"], registers: [registry],
    async collect() {
      const results = await probeAll();
      this.reset();
      for (const [client, seconds] of results) this.set({ client }, seconds === null ? 0 : 1);
    },
  });
  new Gauge({
    name: "tradeforge_redis_ping_seconds", help: "Round trip of the last PING on this process's Redis connection (absent while down)", labelNames: ["client"], registers: [registry],
    async collect() {
      const results = await probeAll();
      this.reset();
      for (const [client, seconds] of results) if (seconds !== null) this.set({ client }, seconds);
    },
  });
  return {
    watch(client, redis) {
      clients.set(client, redis);
      return () => {
        if (clients.get(client) === redis) clients.delete(client);
      };
    },
  };
}
