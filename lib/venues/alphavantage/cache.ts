interface Entry<T> {
  value: T;
  expiresAt: number;
}

/**
 * Answers by request key, each valid until the end of the bar interval it was fetched in: no new bar can close
 * before then, so a repeated poll or read inside the interval costs no quota.
 */
export class ResponseCache<T> {
  private readonly entries = new Map<string, Entry<T>>();

  constructor(private readonly intervalMs: number) {}

  get(key: string, now: number): T | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (now < entry.expiresAt) return entry.value;
    this.entries.delete(key);
    return undefined;
  }

  set(key: string, value: T, now: number): void {
    this.entries.set(key, { value, expiresAt: (Math.floor(now / this.intervalMs) + 1) * this.intervalMs });
  }
}
