import type { Config } from "@/lib/config";
import type { Bus } from "./bus";
import { MemoryBus } from "./memory-bus";

/** One factory: Redis when REDIS_URL is set, the in-process bus otherwise. */
export async function createBus(config: Pick<Config, "REDIS_URL">): Promise<Bus> {
  if (!config.REDIS_URL) return new MemoryBus();
  const { RedisBus } = await import("./redis-bus");
  return new RedisBus(config.REDIS_URL);
}
