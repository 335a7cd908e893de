import "server-only";
import { type IRateLimiterOptions, RateLimiterMemory, RateLimiterRedis, type RateLimiterAbstract } from "rate-limiter-flexible";
import { closeOnShutdown } from "@/lib/runtime/closers";

/**
 * A limiter on Redis when the process has one (shared by every web process), in memory otherwise. With Redis away
 * it falls back to a local limit, never to none; its connection is closed when the process shuts down.
 */
export async function createRateLimiter(redisUrl: string | undefined, name: string, options: IRateLimiterOptions): Promise<RateLimiterAbstract> {
  if (!redisUrl) return new RateLimiterMemory(options);
  const { Redis } = await import("ioredis");
  const client = new Redis(redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
  closeOnShutdown(`rate limiter ${name}`, async () => {
    await client.quit();
  });
  return new RateLimiterRedis({ ...options, storeClient: client, insuranceLimiter: new RateLimiterMemory(options) });
}
