import "server-only";
import { alertRateLimitWarning, alerterOf } from "@/lib/alerts";
import { RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import { countRateLimitHit } from "@/lib/metrics/infrastructure";
import { ApiError } from "./api-error";
import { createRateLimiter } from "./create-rate-limiter";
import type { ServerContext } from "./context";

type Registry = Record<symbol, Promise<RateLimiterAbstract> | undefined>;

/** A per-minute limiter: Redis-backed in split mode (shared by all web processes), memory otherwise. */
function limiter(ctx: ServerContext, name: string, points: number): Promise<RateLimiterAbstract> {
  const registry = globalThis as unknown as Registry;
  const KEY = Symbol.for(`tradeforge.rate-limiter.${name}`);
  registry[KEY] ??= createRateLimiter(ctx.config.REDIS_URL, name, { keyPrefix: `tf-${name}`, points, duration: 60 });
  return registry[KEY];
}

async function consume(limiterPromise: Promise<RateLimiterAbstract>, key: string, what: string, ctx: ServerContext): Promise<void> {
  try {
    await (await limiterPromise).consume(key);
  } catch (error) {
    if (!(error instanceof RateLimiterRes)) throw error;
    const seconds = Math.ceil(error.msBeforeNext / 1000);
    countRateLimitHit(what);
    void alertRateLimitWarning(alerterOf(ctx), { limit: what, message: `A client hit the limit on ${what}; it was told to retry in ${seconds} s.` });
    throw new ApiError(429, "RATE_LIMITED", `Too many ${what}; retry in ${seconds} s`, { retryAfterSeconds: seconds });
  }
}

/** Orders per client (IP) and minute, on top of the per-user API limit. */
export function consumeOrderRate(ctx: ServerContext, clientKey: string): Promise<void> {
  return consume(limiter(ctx, "orders", ctx.config.ORDER_RATE_LIMIT_PER_MINUTE), clientKey, "orders", ctx);
}

/** Requests per client address and minute, counted before authentication so floods of bad credentials are capped too. */
export function consumeAddressRate(ctx: ServerContext, address: string): Promise<void> {
  return consume(limiter(ctx, "address", ctx.config.IP_RATE_LIMIT_PER_MINUTE), address, "requests from this address", ctx);
}

/** Requests per user or API key and minute. */
export function consumeApiRate(ctx: ServerContext, key: string): Promise<void> {
  return consume(limiter(ctx, "api", ctx.config.API_RATE_LIMIT_PER_MINUTE), key, "requests", ctx);
}

/** The client's address as the reverse proxy reports it; without a proxy every caller is "local". */
export function clientKey(request: Pick<Request, "headers">): string {
  const forwarded = request.headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || request.headers.get("x-real-ip") || "local";
}
