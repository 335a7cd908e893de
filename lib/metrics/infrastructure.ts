import { Counter, Gauge, Histogram, type Registry } from "prom-client";
import { boundCounter } from "./bound-counter";
import { defineQueueDepthMetrics, type QueueDepthMetrics, type ReadQueueDepths } from "./queue-depths";
import { defineRedisHealthMetrics, type PingableRedis, type RedisHealthMetrics } from "./redis-health";
import { appMetrics } from "./registry";
import { type ReadValue, trackGauge } from "./state-gauge";

export interface InfrastructureMetrics {
  dbWrite: Histogram<"writer">;
  countRateLimitHit: (limit: string) => void;
  diskFree: Gauge;
  queueDepths: QueueDepthMetrics;
  redisHealth: RedisHealthMetrics;
}

const DB_WRITE_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

export function defineInfrastructureMetrics(registry: Registry): InfrastructureMetrics {
  return {
    dbWrite: new Histogram({ name: "tradeforge_db_write_duration_seconds", help: "Batch write latency to the database, by writer", labelNames: ["writer"], buckets: DB_WRITE_BUCKETS, registers: [registry] }),
    countRateLimitHit: boundCounter(new Counter({ name: "tradeforge_rate_limit_hits_total", help: "Requests refused by a rate limit, by limit", labelNames: ["limit"], registers: [registry] })),
    diskFree: new Gauge({ name: "tradeforge_disk_free_ratio", help: "Free share of the data directory's disk at the last check, 0..1", registers: [registry] }),
    queueDepths: defineQueueDepthMetrics(registry),
    redisHealth: defineRedisHealthMetrics(registry),
  };
}

export const observeDbWrite = (writer: string, seconds: number) => appMetrics().infrastructure.dbWrite.observe({ writer }, seconds);
export const countRateLimitHit = (limit: string) => appMetrics().infrastructure.countRateLimitHit(limit);

const registry = () => appMetrics().registry;

export const trackSocketClients = (read: ReadValue) => trackGauge(registry(), "tradeforge_socketio_clients", "Socket.IO clients connected to this process", read);
export const setDiskFreeRatio = (ratio: number) => appMetrics().infrastructure.diskFree.set(ratio);
/** The process that runs a job queue exports its depths by state; returns the way to stop. */
export const trackQueueDepths = (queue: string, read: ReadQueueDepths) => appMetrics().infrastructure.queueDepths.track(queue, read);
/** A Redis connection this process depends on, pinged on every scrape under its role; returns the way to stop. */
export const watchRedis = (client: string, redis: PingableRedis) => appMetrics().infrastructure.redisHealth.watch(client, redis);

/** Wraps a batch writer's write so each batch's latency lands in tradeforge_db_write_duration_seconds{writer}. */
export function timedWrite<T>(writer: string, write: (batch: T[]) => Promise<void>): (batch: T[]) => Promise<void> {
  return async (batch) => {
    const started = performance.now();
    await write(batch);
    observeDbWrite(writer, (performance.now() - started) / 1000);
  };
}
