import "server-only";
import { createHash } from "node:crypto";
import { ACCOUNT_CHANGED_TOPIC, AUTH_CHANGED_TOPIC, isAccountChanged } from "@/lib/bus/change-topics";
import type { ServerContext } from "../context";
import { ReadCache } from "./read-cache";

/**
 * How long each hot read is served from memory. Changes the engine or an admin announces drop entries at once
 * (accounts, actors); the TTL bounds what nobody announces: marks moving, the database or Redis going away, a bar
 * closing, and an announcement lost while the bus reconnected.
 */
const CACHES = {
  actors: { ttlMs: 5_000, maxEntries: 10_000 },
  accounts: { ttlMs: 1_000, maxEntries: 1_000 },
  health: { ttlMs: 1_000, maxEntries: 1 },
  candles: { ttlMs: 1_000, maxEntries: 1_000 },
} as const;

export type HotReadName = keyof typeof CACHES;

interface HotReads {
  caches: Record<HotReadName, ReadCache<unknown>>;
  /** Resolves true once the subscriptions stand, false if they failed. */
  listening: Promise<boolean>;
  /** The same answer once known, so a hot read does not wait on a settled promise every time. */
  listeningNow?: boolean;
}

// Keyed by the services object: tests and restarts that build new services never see another database's values.
const KEY = Symbol.for("tradeforge.hot-reads");
const registry = globalThis as { [KEY]?: WeakMap<ServerContext, HotReads> };

function hotReadsOf(ctx: ServerContext): HotReads {
  registry[KEY] ??= new WeakMap();
  let reads = registry[KEY].get(ctx);
  if (!reads) {
    const caches = Object.fromEntries(Object.entries(CACHES).map(([name, options]) => [name, new ReadCache(options)])) as HotReads["caches"];
    const created: HotReads = { caches, listening: listen(ctx, caches).then(() => true, () => false) };
    void created.listening.then((listening) => (created.listeningNow = listening));
    reads = created;
    registry[KEY].set(ctx, reads);
  }
  return reads;
}

async function listen(ctx: ServerContext, caches: HotReads["caches"]): Promise<void> {
  await Promise.all([
    ctx.bus.subscribe(ACCOUNT_CHANGED_TOPIC, (message) => {
      if (isAccountChanged(message)) caches.accounts.invalidate(message.accountId);
    }),
    ctx.bus.subscribe(AUTH_CHANGED_TOPIC, () => caches.actors.invalidate()),
  ]);
}

/**
 * The cached value of a hot read, loaded on a miss. Until this process listens for the announcements that keep the
 * cache honest (a bus that cannot subscribe), every call loads.
 */
export async function hotRead<V>(ctx: ServerContext, name: HotReadName, key: string, load: () => Promise<V>): Promise<V> {
  const reads = hotReadsOf(ctx);
  const listening = reads.listeningNow ?? (await reads.listening);
  if (!listening) {
    registry[KEY]?.delete(ctx);
    return load();
  }
  return reads.caches[name].get(key, load) as Promise<V>;
}

/** A key that holds no credential in memory: the hash of whatever identifies the caller. */
export function credentialKey(...parts: Array<string | null | undefined>): string {
  const hash = createHash("sha256");
  for (const part of parts) hash.update(part ?? "").update("\0");
  return hash.digest("base64url");
}

/** After a user or API key change: this process forgets cached actors now, the others when the bus tells them. */
export async function announceAuthChanged(ctx: ServerContext): Promise<void> {
  hotReadsOf(ctx).caches.actors.invalidate();
  await ctx.bus.publish(AUTH_CHANGED_TOPIC, { at: Date.now() });
}
