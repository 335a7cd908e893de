import type { Logger } from "pino";
import type { Database } from "@/lib/db/client";
import { type AlertInput, alertInputSchema } from "./alert-input";
import { type StoredAlert, storeAlert } from "./alert-store";
import { type AlertChannelConfig, configuredChannels } from "./channels";
import { type AlertSeverity, DEFAULT_DEDUPE_WINDOW_MS } from "./severity";

export interface Alerter {
  /**
   * Stores the alert (or bumps the repeat count of the same dedupe key within its window) and queues its messages.
   * Resolves undefined when it could not be stored (logged): an alert must never stop what raised it.
   * Rejects only on invalid input, which is a bug in the caller.
   */
  raise(input: AlertInput): Promise<StoredAlert | undefined>;
  readonly log: Logger;
}

export interface AlerterOptions {
  db: Database;
  config: AlertChannelConfig;
  log: Logger;
  now?: () => Date;
  dedupeWindowMs?: Partial<Record<AlertSeverity, number>>;
}

export function createAlerter({ db, config, log, now = () => new Date(), dedupeWindowMs = {} }: AlerterOptions): Alerter {
  const windows = { ...DEFAULT_DEDUPE_WINDOW_MS, ...dedupeWindowMs };
  const channels = configuredChannels(config).map((c) => c.channel);
  return {
    log,
    async raise(raw) {
      const input = alertInputSchema.parse(raw);
      const dedupeKey = input.dedupeKey ?? input.code;
      try {
        const stored = await storeAlert(db, { ...input, dedupeKey }, { at: now(), dedupeWindowMs: windows[input.severity], channels });
        const logged = { alertId: stored.id, severity: input.severity, code: input.code, dedupeKey, repeats: stored.repeats };
        if (stored.repeated) log.debug(logged, "alert repeated within its dedupe window");
        else log.info(logged, `alert: ${input.title}`);
        return stored;
      } catch (error) {
        log.error({ err: error, severity: input.severity, code: input.code, title: input.title, message: input.message }, "could not store alert");
        return undefined;
      }
    },
  };
}
