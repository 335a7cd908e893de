import { Emitter } from "@socket.io/redis-emitter";
import { Redis } from "ioredis";
import type { Bus } from "@/lib/bus/bus";
import { watchRedis } from "@/lib/metrics/infrastructure";
import type { ServerEventName, ServerEventPayload, ServerToClientEvents } from "./events";
import type { RedisChannelOptions } from "./redis-adapter";
import { MARKET_TOPIC, type MarketMessage, type RealtimeSink } from "./sink";

/** Split mode: Socket.IO events through the Redis emitter (gateways run the Redis adapter), market data over the bus. */
export class RedisSink implements RealtimeSink {
  private readonly redis: Redis;
  private readonly emitter: Emitter<ServerToClientEvents>;
  private readonly unwatchRedis: () => void;

  constructor(url: string, private readonly bus: Bus, options: RedisChannelOptions = {}) {
    this.redis = new Redis(url, { maxRetriesPerRequest: 2 });
    this.emitter = new Emitter<ServerToClientEvents>(this.redis, options.key ? { key: options.key } : {});
    this.unwatchRedis = watchRedis("socketio-emitter", this.redis);
  }

  emit<E extends ServerEventName>(room: string, event: E, payload: ServerEventPayload<E>): void {
    (this.emitter.to(room).emit as (e: string, p: unknown) => boolean)(event, payload);
  }

  market(channel: string, data: unknown): void {
    const message: MarketMessage = { channel, data };
    void this.bus.publish(MARKET_TOPIC, message);
  }

  async close(): Promise<void> {
    this.unwatchRedis();
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
