import "server-only";
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import { ApiError } from "./api-error";
import type { ServerContext } from "./context";

const KEY = Symbol.for("tradeforge.order-rate-limiter");
type Registry = { [KEY]?: Promise<RateLimiterAbstract> };

/** Order submissions per client and minute: Redis-backed in split mode (shared by all web processes), memory otherwise. */
async function orderLimiter(ctx: ServerContext): Promise<RateLimiterAbstract> {
  const registry = globalThis as Registry;
  registry[KEY] ??= (async () => {
    const options = { keyPrefix: "tf-orders", points: ctx.config.ORDER_RATE_LIMIT_PER_MINUTE, duration: 60 };
    if (!ctx.config.REDIS_URL) return new RateLimiterMemory(options);
    const { Redis } = await import("ioredis");
    const client = new Redis(ctx.config.REDIS_URL, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
    // Fail closed to a local limit if Redis is away, never open.
    return new RateLimiterRedis({ ...options, storeClient: client, insuranceLimiter: new RateLimiterMemory(options) });
  })();
  return registry[KEY];
}

export async function consumeOrderRate(ctx: ServerContext, clientKey: string): Promise<void> {
  try {
    await (await orderLimiter(ctx)).consume(clientKey);
  } catch (error) {
    if (!(error instanceof RateLimiterRes)) throw error;
    const seconds = Math.ceil(error.msBeforeNext / 1000);
    throw new ApiError(429, "RATE_LIMITED", `Too many orders; retry in ${seconds} s`, { retryAfterSeconds: seconds });
  }
}

export function clientKey(request: Request): string {
  const forwarded = request.headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || request.headers.get("x-real-ip") || "local";
}
