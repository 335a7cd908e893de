import type { alerts } from "@/lib/db/schema";
import type { AlertChannel } from "./channels";
import { isAlertSeverity, SEVERITY_PREFIX } from "./severity";

export type AlertRow = typeof alerts.$inferSelect;

// Slack refuses a section text over 3000 characters (invalid_blocks), which would block the channel's queue.
const SLACK_SECTION_MAX = 3000;

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** A Slack incoming-webhook message: a plain-text fallback (notifications) and blocks (the channel). */
export function slackMessage(alert: AlertRow): { text: string; blocks: unknown[] } {
  const prefix = isAlertSeverity(alert.severity) ? SEVERITY_PREFIX[alert.severity] : `[${alert.severity.toUpperCase()}]`;
  const repeats = alert.repeats > 0 ? ` · repeated ${alert.repeats}×` : "";
  return {
    text: `${prefix} ${alert.title}: ${alert.message}`,
    blocks: [
      { type: "section", text: { type: "mrkdwn", text: clip(`${prefix} *${alert.title}*\n${alert.message}`, SLACK_SECTION_MAX) } },
      { type: "context", elements: [{ type: "mrkdwn", text: `\`${alert.code}\` · ${alert.createdAt.toISOString()}${repeats}` }] },
    ],
  };
}

/** The generic webhook's body: every field of the alert. */
export function webhookMessage(alert: AlertRow): Record<string, unknown> {
  return {
    source: "tradeforge",
    id: alert.id,
    severity: alert.severity,
    code: alert.code,
    title: alert.title,
    message: alert.message,
    dedupeKey: alert.dedupeKey,
    detail: alert.detail ?? null,
    repeats: alert.repeats,
    createdAt: alert.createdAt.toISOString(),
    lastSeenAt: alert.lastSeenAt.toISOString(),
  };
}

export function messageFor(channel: AlertChannel, alert: AlertRow): unknown {
  return channel === "slack" ? slackMessage(alert) : webhookMessage(alert);
}
