import type { Logger } from "pino";
import type { Database } from "@/lib/db/client";
import { messageFor } from "./alert-message";
import { type BackoffOptions, backoffDelayMs, DEFAULT_BACKOFF } from "./backoff";
import { type AlertChannel, type AlertChannelConfig, configuredChannels } from "./channels";
import { claimDelivery, deliveredSince, headOfQueue, markDelivered, type QueuedDelivery, scheduleRetry } from "./delivery-queue";
import { postJson } from "./post-json";

export interface RateLimit {
  max: number;
  windowMs: number;
}

export interface AlertDeliveryOptions {
  db: Database;
  config: AlertChannelConfig;
  log: Logger;
  now?: () => Date;
  /** Per attempt; a slower endpoint counts as down. */
  timeoutMs?: number;
  backoff?: BackoffOptions;
  /** Per channel; over it, messages wait for the next free slot. */
  rateLimit?: RateLimit;
  fetch?: typeof fetch;
}

export const DEFAULT_TIMEOUT_MS = 5_000;
export const DEFAULT_RATE_LIMIT: RateLimit = { max: 20, windowMs: 60_000 };

export interface AlertDelivery {
  /** Sends every message that is due and within the rate limit, in order per channel; returns how many were sent. */
  deliverDue(): Promise<number>;
}

export function createAlertDelivery(options: AlertDeliveryOptions): AlertDelivery {
  const channels = configuredChannels(options.config);
  return {
    async deliverDue() {
      const sent = await Promise.all(channels.map(({ channel, url }) => drainChannel(options, channel, url)));
      return sent.reduce((a, b) => a + b, 0);
    },
  };
}

async function drainChannel(options: AlertDeliveryOptions, channel: AlertChannel, url: string): Promise<number> {
  const { db, now = () => new Date(), rateLimit = DEFAULT_RATE_LIMIT } = options;
  let capacity = rateLimit.max - (await deliveredSince(db, channel, new Date(now().getTime() - rateLimit.windowMs)));
  let sent = 0;
  while (capacity > 0) {
    const head = await headOfQueue(db, channel);
    const at = now();
    if (!head || head.nextAttemptAt > at) break;
    if (!(await claimDelivery(db, head.id, at, new Date(at.getTime() + leaseMs(options))))) break;
    if (!(await attempt(options, channel, url, head))) break;
    capacity -= 1;
    sent += 1;
  }
  return sent;
}

async function attempt(options: AlertDeliveryOptions, channel: AlertChannel, url: string, head: QueuedDelivery): Promise<boolean> {
  const { db, log, now = () => new Date(), timeoutMs = DEFAULT_TIMEOUT_MS, backoff = DEFAULT_BACKOFF } = options;
  const outcome = await postJson(url, messageFor(channel, head.alert), {
    timeoutMs,
    fetch: options.fetch,
    headers: { "idempotency-key": `tradeforge-alert-${head.alert.id}-${channel}` },
  });
  if (outcome.ok) {
    await markDelivered(db, head.id, now());
    return true;
  }
  const failures = head.attempts + 1;
  const delay = Math.max(backoffDelayMs(failures, backoff), outcome.retryAfterMs ?? 0);
  await scheduleRetry(db, head.id, new Date(now().getTime() + delay), outcome.error);
  log.warn({ channel, alertId: head.alert.id, attempts: failures, retryInMs: delay, error: outcome.error }, "alert delivery failed; will retry");
  return false;
}

/** Long enough that a live worker always finishes its attempt before another may take the message. */
function leaseMs(options: AlertDeliveryOptions): number {
  return (options.timeoutMs ?? DEFAULT_TIMEOUT_MS) * 2 + 1_000;
}
