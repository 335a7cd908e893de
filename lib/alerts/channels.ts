import type { Config } from "@/lib/config";

export const ALERT_CHANNELS = ["slack", "webhook"] as const;
export type AlertChannel = (typeof ALERT_CHANNELS)[number];

export type AlertChannelConfig = Pick<Config, "SLACK_WEBHOOK_URL" | "ALERT_WEBHOOK_URL">;

/** The channels with a URL configured, each with where it posts. */
export function configuredChannels(config: AlertChannelConfig): { channel: AlertChannel; url: string }[] {
  const channels: { channel: AlertChannel; url: string }[] = [];
  if (config.SLACK_WEBHOOK_URL) channels.push({ channel: "slack", url: config.SLACK_WEBHOOK_URL });
  if (config.ALERT_WEBHOOK_URL) channels.push({ channel: "webhook", url: config.ALERT_WEBHOOK_URL });
  return channels;
}
