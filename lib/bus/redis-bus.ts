import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import { watchRedis } from "@/lib/metrics/infrastructure";
import {
  type Bus, type BusHandler, BusTimeoutError, DEFAULT_REQUEST_TIMEOUT_MS, errorReply, type ReplyEnvelope,
  type Responder, type Unsubscribe, unwrapReply,
} from "./bus";

interface RequestEnvelope {
  id: string;
  replyTo: string;
  message: unknown;
}

const PREFIX = "tf:";

/** Split mode: Redis pub/sub. Commands go to `cmd:<topic>`, answers to a channel private to the requester. */
export class RedisBus implements Bus {
  readonly kind = "redis" as const;
  private readonly pub: Redis;
  private readonly sub: Redis;
  private readonly handlers = new Map<string, Set<BusHandler>>();
  private readonly pending = new Map<string, (reply: ReplyEnvelope) => void>();
  private readonly replyChannel = `${PREFIX}reply:${randomUUID()}`;
  private replyReady: Promise<unknown> | undefined;
  private readonly unwatchRedis: () => void;

  constructor(url: string) {
    this.pub = new Redis(url, { lazyConnect: false, maxRetriesPerRequest: 2, enableOfflineQueue: true });
    this.sub = new Redis(url, { maxRetriesPerRequest: null });
    this.sub.on("message", (channel: string, raw: string) => this.dispatch(channel, raw));
    // Every split-mode process has a bus: tradeforge_redis_up{client="bus"} says whether it can reach Redis.
    this.unwatchRedis = watchRedis("bus", this.pub);
  }

  private dispatch(channel: string, raw: string): void {
    const parsed: unknown = JSON.parse(raw);
    if (channel === this.replyChannel) {
      const reply = parsed as ReplyEnvelope;
      this.pending.get(reply.id)?.(reply);
      return;
    }
    for (const handler of this.handlers.get(channel) ?? []) handler(parsed);
  }

  async publish(topic: string, message: unknown): Promise<void> {
    await this.pub.publish(PREFIX + topic, JSON.stringify(message));
  }

  async subscribe(topic: string, handler: BusHandler): Promise<Unsubscribe> {
    const channel = PREFIX + topic;
    const set = this.handlers.get(channel) ?? new Set();
    if (set.size === 0) await this.sub.subscribe(channel);
    set.add(handler);
    this.handlers.set(channel, set);
    return async () => {
      set.delete(handler);
      if (set.size === 0) await this.sub.unsubscribe(channel);
    };
  }

  async request(topic: string, message: unknown, timeoutMs = DEFAULT_REQUEST_TIMEOUT_MS): Promise<unknown> {
    this.replyReady ??= this.sub.subscribe(this.replyChannel);
    await this.replyReady;
    const id = randomUUID();
    const envelope: RequestEnvelope = { id, replyTo: this.replyChannel, message };
    const reply = new Promise<ReplyEnvelope>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new BusTimeoutError(topic, timeoutMs));
      }, timeoutMs);
      this.pending.set(id, (r) => {
        clearTimeout(timer);
        this.pending.delete(id);
        resolve(r);
      });
    });
    const receivers = await this.pub.publish(`${PREFIX}cmd:${topic}`, JSON.stringify(envelope));
    if (receivers === 0) {
      this.pending.get(id)?.({ id, ok: false, error: { code: "NO_RESPONDER", message: `Nobody serves ${topic} (is the worker running?)` } });
    }
    return unwrapReply(await reply);
  }

  async respond(topic: string, responder: Responder): Promise<Unsubscribe> {
    return this.subscribe(`cmd:${topic}`, (raw) => {
      const { id, replyTo, message } = raw as RequestEnvelope;
      void responder(message)
        .then((result): ReplyEnvelope => ({ id, ok: true, result }), (error: unknown) => errorReply(id, error))
        .then((reply) => this.pub.publish(replyTo, JSON.stringify(reply)));
    });
  }

  async ping(): Promise<number> {
    const started = performance.now();
    await this.pub.ping();
    return performance.now() - started;
  }

  async close(): Promise<void> {
    this.unwatchRedis();
    this.sub.disconnect();
    await this.pub.quit().catch(() => this.pub.disconnect());
  }
}
