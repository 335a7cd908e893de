interface Entry<V> {
  value: Promise<V>;
  expires: number;
}

export interface ReadCacheOptions {
  /** How long a value is served before it is read again: the most a reader can lag behind a change nobody announced. */
  ttlMs: number;
  maxEntries: number;
  now?: () => number;
}

/**
 * A process-local cache for hot reads. Concurrent misses of one key share a single load, a failed load is never
 * kept, and invalidate() drops entries at once (a load already running is not put back).
 */
export class ReadCache<V> {
  private readonly entries = new Map<string, Entry<V>>();
  private readonly now: () => number;

  constructor(private readonly options: ReadCacheOptions) {
    this.now = options.now ?? Date.now;
  }

  get(key: string, load: () => Promise<V>): Promise<V> {
    const now = this.now();
    const hit = this.entries.get(key);
    if (hit && hit.expires > now) return hit.value;
    const value = load();
    const entry = { value, expires: now + this.options.ttlMs };
    this.entries.delete(key);
    this.entries.set(key, entry);
    value.catch(() => this.forget(key, entry));
    this.evictOldest();
    return value;
  }

  /** One key, or every key. */
  invalidate(key?: string): void {
    if (key === undefined) this.entries.clear();
    else this.entries.delete(key);
  }

  get size(): number {
    return this.entries.size;
  }

  private forget(key: string, entry: Entry<V>): void {
    if (this.entries.get(key) === entry) this.entries.delete(key);
  }

  private evictOldest(): void {
    while (this.entries.size > this.options.maxEntries) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
  }
}
