export interface LimitHeaders {
  "X-Bapi-Limit": string;
  "X-Bapi-Limit-Status": string;
  "X-Bapi-Limit-Reset-Timestamp": string;
}

/** Bybit's per-account, per-endpoint limit in one-second windows, reported in the X-Bapi-Limit* headers. */
export class FakeEndpointLimits {
  private readonly windows = new Map<string, { start: number; used: number }>();

  constructor(private readonly limitFor: (path: string) => number, private readonly now: () => number) {}

  /** Counts one request; `exceeded` means Bybit would answer 10006. */
  count(apiKey: string, path: string): { exceeded: boolean; headers: LimitHeaders } {
    const now = this.now();
    const key = `${apiKey} ${path}`;
    let window = this.windows.get(key);
    if (!window || now >= window.start + 1000) {
      window = { start: now, used: 0 };
      this.windows.set(key, window);
    }
    window.used += 1;
    const limit = this.limitFor(path);
    const remaining = Math.max(0, limit - window.used);
    const exceeded = window.used > limit;
    const resetAt = remaining === 0 ? window.start + 1000 : now;
    return { exceeded, headers: { "X-Bapi-Limit": String(limit), "X-Bapi-Limit-Status": String(remaining), "X-Bapi-Limit-Reset-Timestamp": String(resetAt) } };
  }

  /** Headers of a forced 10006: nothing left until `resetAt`. */
  exhausted(path: string, resetAt: number): LimitHeaders {
    return { "X-Bapi-Limit": String(this.limitFor(path)), "X-Bapi-Limit-Status": "0", "X-Bapi-Limit-Reset-Timestamp": String(resetAt) };
  }
}
