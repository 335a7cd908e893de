/**
 * How urgent an alert is, as operators expect:
 * high — trading halted, kill switch, system failure, security event (act now);
 * medium — performance degradation, model accuracy drop (look today);
 * low — rate-limit warnings, disk space (housekeeping).
 */
export const ALERT_SEVERITIES = ["high", "medium", "low"] as const;
export type AlertSeverity = (typeof ALERT_SEVERITIES)[number];

const MINUTE = 60_000;

/** A repeat of the same dedupe key within this long after the first bumps its count instead of alerting again. */
export const DEFAULT_DEDUPE_WINDOW_MS: Record<AlertSeverity, number> = {
  high: 10 * MINUTE,
  medium: 30 * MINUTE,
  low: 60 * MINUTE,
};

/** The prefix a chat message starts with, so the severity is visible in a notification preview. */
export const SEVERITY_PREFIX: Record<AlertSeverity, string> = {
  high: ":rotating_light: [HIGH]",
  medium: ":warning: [MEDIUM]",
  low: ":information_source: [LOW]",
};

export function isAlertSeverity(value: unknown): value is AlertSeverity {
  return typeof value === "string" && (ALERT_SEVERITIES as readonly string[]).includes(value);
}
