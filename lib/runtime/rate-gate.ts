import type { Redis } from "ioredis";
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import { logger } from "@/lib/logger";

const log = logger("rate-gate");

/** Waits `ms`; rejects with the signal's reason when it is aborted first. */
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

export const sleep: Sleep = (ms, signal) =>
  new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, Math.max(0, ms));
    signal?.addEventListener("abort", onAbort, { once: true });
  });

/** A quota: at most `points` takes per `durationSeconds` window. Gates with the same name share one quota. */
export interface RateGateSpec {
  name: string;
  points: number;
  durationSeconds: number;
}

export interface RateGateOptions extends RateGateSpec {
  /** Shares the quota with every process using the same Redis; without it the quota is this process's alone. */
  redisUrl?: string;
  /** Default for take(): give up instead of waiting longer than this in total. */
  maxWaitMs?: number;
  sleep?: Sleep;
}

export interface TakeOptions {
  signal?: AbortSignal;
  maxWaitMs?: number;
  /** Called before each wait with its length, so callers can say what they are waiting for. */
  onWait?: (waitMs: number) => void;
}

export interface RateGate {
  readonly name: string;
  /** Resolves once a point is taken, waiting as long as it takes (or up to maxWaitMs). */
  take(options?: TakeOptions): Promise<void>;
  close(): Promise<void>;
}

export type RateGateFactory = (spec: RateGateSpec) => RateGate;

export class RateGateTimeoutError extends Error {
  constructor(readonly gate: string, readonly waitMs: number, readonly maxWaitMs: number) {
    super(`Rate gate "${gate}" is used up: the next free call is in ${Math.ceil(waitMs / 1000)} s, longer than the ${Math.ceil(maxWaitMs / 1000)} s allowed to wait`);
    this.name = "RateGateTimeoutError";
  }
}

const QUOTA_KEY = "quota";

interface Limiter {
  limiter: RateLimiterAbstract;
  close(): Promise<void>;
}

async function redisLimiter(options: RateGateOptions, redisUrl: string): Promise<Limiter> {
  const { Redis } = await import("ioredis");
  const client: Redis = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
  client.on("error", (error: Error) => log.warn({ gate: options.name, err: error.message }, "rate gate lost Redis"));
  const limiterOptions = { keyPrefix: `tf-gate-${options.name}`, points: options.points, duration: options.durationSeconds };
  // While Redis is away each process keeps to the quota on its own rather than calling without limit.
  const limiter = new RateLimiterRedis({ ...limiterOptions, storeClient: client, insuranceLimiter: new RateLimiterMemory(limiterOptions) });
  const close = async () => {
    // quit() waits for a connection that may never come back.
    if (client.status === "ready") await client.quit().catch(() => client.disconnect());
    else client.disconnect();
  };
  return { limiter, close };
}

function memoryLimiter(options: RateGateOptions): Limiter {
  const limiter = new RateLimiterMemory({ keyPrefix: `tf-gate-${options.name}`, points: options.points, duration: options.durationSeconds });
  return { limiter, close: async () => {} };
}

/** 0 when a point was taken, otherwise how long until the window frees one. */
async function tryTake(limiter: RateLimiterAbstract): Promise<number> {
  try {
    await limiter.consume(QUOTA_KEY);
    return 0;
  } catch (error) {
    if (!(error instanceof RateLimiterRes)) throw error;
    return Math.max(1, error.msBeforeNext);
  }
}

/** A shared call quota: Redis-backed when a Redis URL is given (split mode), in memory otherwise. */
export function createRateGate(options: RateGateOptions): RateGate {
  if (!Number.isInteger(options.points) || options.points < 1) throw new Error(`Rate gate "${options.name}": points must be a whole number of at least 1`);
  if (!(options.durationSeconds > 0)) throw new Error(`Rate gate "${options.name}": durationSeconds must be positive`);
  const wait = options.sleep ?? sleep;
  const ready: Promise<Limiter> = options.redisUrl ? redisLimiter(options, options.redisUrl) : Promise.resolve(memoryLimiter(options));
  return {
    name: options.name,
    async take({ signal, maxWaitMs = options.maxWaitMs, onWait } = {}) {
      const { limiter } = await ready;
      let waited = 0;
      for (;;) {
        signal?.throwIfAborted();
        const waitMs = await tryTake(limiter);
        if (waitMs === 0) return;
        if (maxWaitMs !== undefined && waited + waitMs > maxWaitMs) throw new RateGateTimeoutError(options.name, waitMs, maxWaitMs);
        onWait?.(waitMs);
        await wait(waitMs, signal);
        waited += waitMs;
      }
    },
    async close() {
      await (await ready).close();
    },
  };
}
