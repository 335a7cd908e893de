/** Which Alpha Vantage quota a refusal was about. */
export type QuotaScope = "minute" | "day";

function utcTime(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 19).replace("T", " ")} UTC`;
}

/** Alpha Vantage refused the call because a call quota is used up; calling again before `retryAt` is pointless. */
export class AlphaVantageQuotaError extends Error {
  constructor(readonly scope: QuotaScope, readonly retryAt: number, readonly apiMessage: string) {
    const quota = scope === "day" ? "daily" : "per-minute";
    super(`Alpha Vantage's ${quota} call quota is used up; next try at ${utcTime(retryAt)} (Alpha Vantage said: "${apiMessage}")`);
    this.name = "AlphaVantageQuotaError";
  }
}

/** Alpha Vantage refused this request itself (unknown symbol, premium-only function): retrying will not help. */
export class AlphaVantageRequestError extends Error {
  constructor(readonly what: string, readonly apiMessage: string) {
    super(`Alpha Vantage refused the request for ${what}: ${apiMessage}`);
    this.name = "AlphaVantageRequestError";
  }
}

/** Alpha Vantage could not be reached or did not answer properly (timeout, refused connection, HTTP error). */
export class AlphaVantageNetworkError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "AlphaVantageNetworkError";
  }
}

/** Alpha Vantage answered, but not in the documented shape. */
export class AlphaVantageFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "AlphaVantageFormatError";
  }
}
