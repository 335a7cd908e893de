import { AlphaVantageQuotaError, AlphaVantageRequestError } from "./errors";

const MINUTE_MS = 60_000;

/** Alpha Vantage does not document when its daily quota resets; the next UTC midnight is assumed. */
function nextUtcMidnight(now: number): number {
  const date = new Date(now);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate() + 1);
}

function fromInformation(message: string, what: string, now: number): Error {
  if (/premium endpoint/i.test(message)) return new AlphaVantageRequestError(what, `this function needs a premium plan (${message})`);
  if (/\bdemo\b/i.test(message)) return new AlphaVantageRequestError(what, `the API key is the demo key (${message})`);
  if (/per day|daily/i.test(message)) return new AlphaVantageQuotaError("day", nextUtcMidnight(now), message);
  return new AlphaVantageQuotaError("minute", now + MINUTE_MS, message);
}

/**
 * The error an HTTP 200 answer stands for, or null when it is data: `Error Message` (bad symbol or function),
 * `Note` (the older quota message) and `Information` (the current quota message, or a premium-only function).
 */
export function errorInBody(body: Record<string, unknown>, what: string, now: number): Error | null {
  const errorMessage = body["Error Message"];
  if (typeof errorMessage === "string") return new AlphaVantageRequestError(what, errorMessage);
  // The Note names both quotas, but it has always come back when calls were too close together.
  if (typeof body.Note === "string") return new AlphaVantageQuotaError("minute", now + MINUTE_MS, body.Note);
  if (typeof body.Information === "string") return fromInformation(body.Information, what, now);
  return null;
}
