import "server-only";
import type { Config } from "@/lib/config";
import { configSchema } from "@/lib/config";

export const MASK = "••••";
const SECRET_KEYS = new Set<string>(["AUTH_SECRET", "ENCRYPTION_KEY", "ADMIN_PASSWORD", "BYBIT_API_KEY", "BYBIT_API_SECRET", "ALPHA_VANTAGE_API_KEY", "SLACK_WEBHOOK_URL", "ALERT_WEBHOOK_URL"]);

export interface ConfigRow {
  name: string;
  value: string;
  set: boolean;
  secret: boolean;
}

/** Hides the password part of a connection URL (userinfo or a password query parameter); keeps the rest readable. */
export function maskUrlPassword(value: string): string {
  const scheme = /^[a-z][a-z0-9+.-]*:\/\//i.exec(value);
  if (!scheme) return value;
  const queryAt = value.indexOf("?");
  const head = queryAt === -1 ? value : value.slice(0, queryAt);
  const query = queryAt === -1 ? "" : value.slice(queryAt);
  let masked = head;
  const at = head.lastIndexOf("@");
  if (at > scheme[0].length) {
    const userinfo = head.slice(scheme[0].length, at);
    const colon = userinfo.indexOf(":");
    if (colon !== -1) masked = `${scheme[0]}${userinfo.slice(0, colon + 1)}${MASK}${head.slice(at)}`;
  }
  return masked + query.replace(/([?&](?:password|pass|pwd)=)[^&]*/gi, `$1${MASK}`);
}

function display(value: unknown): string {
  if (value === undefined || value === null) return "";
  if (Array.isArray(value)) return value.join(",");
  return String(value);
}

/** Every variable lib/config.ts knows, in its order, with secrets replaced by a mask. */
export function maskedConfigRows(config: Config): ConfigRow[] {
  return Object.keys(configSchema.shape).map((name) => {
    const raw = (config as Record<string, unknown>)[name];
    const set = raw !== undefined && raw !== null && raw !== "";
    const secret = SECRET_KEYS.has(name);
    const value = !set ? "" : secret ? MASK : maskUrlPassword(display(raw));
    return { name, value, set, secret };
  });
}
