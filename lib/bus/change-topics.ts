import type { Bus } from "./bus";

/**
 * Published after the engine made an account's orders, fills or positions durable, so every web process drops
 * what it cached of that account before its next read.
 */
export const ACCOUNT_CHANGED_TOPIC = "account.changed";

/** Published after a user's role or enabled state changed or an API key was revoked: cached actors are dropped. */
export const AUTH_CHANGED_TOPIC = "auth.changed";

export interface AccountChanged {
  accountId: string;
}

export function announceAccountChanged(bus: Bus, accountId: string): Promise<void> {
  return bus.publish(ACCOUNT_CHANGED_TOPIC, { accountId } satisfies AccountChanged);
}

export function isAccountChanged(message: unknown): message is AccountChanged {
  return typeof (message as AccountChanged | null)?.accountId === "string";
}
