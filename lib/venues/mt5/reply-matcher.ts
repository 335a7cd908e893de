import { logger } from "@/lib/logger";
import { Mt5CommandAborted } from "./bridge-errors";
import { guardFailure } from "./replies";

const log = logger("mt5-replies");

export type Mt5Reply = Record<string, unknown>;

interface Awaited {
  action: string;
  command: string;
  resolve(reply: Mt5Reply): void;
  reject(error: Error): void;
}

/**
 * Pairs EA replies with the one command in flight. The protocol has no request ids, so a reply belongs to the command
 * only when its `_action` is the one that command's reply carries; anything else (typically the late reply of a command
 * that timed out) is dropped. A guard reply has no `_action` and fails whatever is in flight.
 */
export class ReplyMatcher {
  private awaited: Awaited | null = null;

  /** Starts waiting for the reply of `command`; only one command may be awaited at a time. */
  expect(command: string, action: string): Promise<Mt5Reply> {
    if (this.awaited) throw new Error(`MT5 bridge: ${command} awaited while ${this.awaited.command} is in flight`);
    return new Promise<Mt5Reply>((resolve, reject) => {
      this.awaited = { action, command, resolve, reject };
    });
  }

  /** The command whose reply is awaited, if any. */
  inFlight(): string | null {
    return this.awaited?.command ?? null;
  }

  /** Ends the wait with `error` (timeout, failed send, stop); no-op when nothing is awaited. */
  fail(error: Error): void {
    const awaited = this.awaited;
    this.awaited = null;
    awaited?.reject(error);
  }

  /** Offers one parsed reply; returns whether it settled the command in flight. */
  offer(reply: unknown): boolean {
    const awaited = this.awaited;
    if (!isRecord(reply)) {
      log.warn({ reply }, "dropped an EA reply that is not a dict");
      return false;
    }
    const guard = guardFailure(reply);
    if (guard && awaited) {
      this.awaited = null;
      awaited.reject(new Mt5CommandAborted(`MetaTrader refused ${awaited.command}: ${guard.message}`, guard.code));
      return true;
    }
    if (!guard && awaited && reply._action === awaited.action) {
      this.awaited = null;
      awaited.resolve(reply);
      return true;
    }
    log.warn({ action: reply._action ?? null, response: reply._response ?? null, inFlight: awaited?.command ?? null }, "dropped an EA reply that answers no command in flight");
    return false;
  }
}

function isRecord(value: unknown): value is Mt5Reply {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
