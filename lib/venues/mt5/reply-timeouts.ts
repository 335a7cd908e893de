import type { Command } from "./commands";

/**
 * How long the bridge waits for each command's reply. Trade commands get more than the EA's own trade-context wait
 * (up to 30 s) so a busy terminal is not mistaken for a lost reply; reads answer at once or not at all.
 */
export const DEFAULT_REPLY_TIMEOUT_MS: Readonly<Record<Command, number>> = {
  HEARTBEAT: 2_000,
  GET_OPEN_TRADES: 5_000,
  GET_ACCOUNT_INFO: 5_000,
  TRACK_PRICES: 5_000,
  TRACK_RATES: 5_000,
  HIST: 30_000,
  OPEN: 35_000,
  MODIFY: 35_000,
  CLOSE: 35_000,
  CLOSE_PARTIAL: 35_000,
  CLOSE_MAGIC: 35_000,
  CLOSE_ALL: 35_000,
};

export interface Mt5BridgeTimeouts {
  /** Per command, overriding DEFAULT_REPLY_TIMEOUT_MS. */
  replyMs?: Partial<Record<Command, number>>;
  /** How long a command waits for a connected EA before failing with Mt5Unreachable (default 1 s). */
  sendMs?: number;
  /** A tracked symbol silent this long makes the bridge send TRACK_PRICES again (default 30 s). */
  priceSilenceMs?: number;
}

export interface ResolvedTimeouts {
  replyMs: Readonly<Record<Command, number>>;
  sendMs: number;
  priceSilenceMs: number;
}

export function resolveTimeouts(timeouts: Mt5BridgeTimeouts = {}): ResolvedTimeouts {
  return {
    replyMs: { ...DEFAULT_REPLY_TIMEOUT_MS, ...timeouts.replyMs },
    sendMs: timeouts.sendMs ?? 1_000,
    priceSilenceMs: timeouts.priceSilenceMs ?? 30_000,
  };
}
