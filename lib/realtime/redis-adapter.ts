import { createAdapter } from "@socket.io/redis-adapter";
import { Redis } from "ioredis";
import { watchRedis } from "@/lib/metrics/infrastructure";
import type { UiServer } from "./socket-server";

export interface RedisChannelOptions {
  /** Prefix of the Socket.IO pub/sub channels; emitter and gateways must agree (default "socket.io"). */
  key?: string;
}

export interface RedisAdapterHandle {
  close(): Promise<void>;
}

/**
 * Split mode gateway: the Redis adapter, so a gateway delivers what the engine emits through the Redis emitter
 * (and what other gateways broadcast) to its own sockets.
 */
export function attachRedisAdapter(io: UiServer, url: string, options: RedisChannelOptions = {}): RedisAdapterHandle {
  const pub = new Redis(url);
  const sub = pub.duplicate();
  io.adapter(createAdapter(pub, sub, options.key ? { key: options.key } : {}));
  const unwatch = watchRedis("socketio-adapter", pub);
  return {
    async close() {
      unwatch();
      sub.disconnect();
      await pub.quit().catch(() => pub.disconnect());
    },
  };
}
