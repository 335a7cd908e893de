export interface BatchWriterOptions<T> {
  name: string;
  /** Writes one batch; throws to keep the batch for the next attempt. */
  write: (batch: T[]) => Promise<void>;
  batchSize: number;
  flushMs: number;
  /** Items kept while the database is slow or away; past this the oldest are dropped and counted. */
  maxBuffered: number;
  onError?: (error: unknown, buffered: number) => void;
}

export interface BatchWriterStats {
  buffered: number;
  written: number;
  dropped: number;
  failures: number;
}

/**
 * Buffers rows and writes them in multi-row batches, flushed by size and by time. push() never blocks the
 * feed: while the database is slow the buffer grows up to maxBuffered, and nothing is lost below that.
 */
export class BatchWriter<T> {
  private buffer: T[] = [];
  private flushing: Promise<void> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private readonly stats: BatchWriterStats = { buffered: 0, written: 0, dropped: 0, failures: 0 };

  constructor(private readonly options: BatchWriterOptions<T>) {}

  start(): void {
    this.timer ??= setInterval(() => void this.flush(), this.options.flushMs);
    this.timer.unref?.();
  }

  push(item: T): void {
    this.buffer.push(item);
    if (this.buffer.length > this.options.maxBuffered) {
      const excess = this.buffer.length - this.options.maxBuffered;
      this.buffer.splice(0, excess);
      this.stats.dropped += excess;
    }
    if (this.buffer.length >= this.options.batchSize && !this.flushing) void this.flush();
  }

  /** Writes everything buffered at the time of the call (and what arrives meanwhile), one batch at a time. */
  flush(): Promise<void> {
    this.flushing ??= this.drain().finally(() => {
      this.flushing = undefined;
    });
    return this.flushing;
  }

  private async drain(): Promise<void> {
    while (this.buffer.length > 0) {
      const batch = this.buffer.slice(0, this.options.batchSize);
      try {
        await this.options.write(batch);
      } catch (error) {
        this.stats.failures += 1;
        this.options.onError?.(error, this.buffer.length);
        return;
      }
      this.buffer.splice(0, batch.length);
      this.stats.written += batch.length;
    }
  }

  /** Stops the timer and writes what is left, retrying a few times before giving up. */
  async close(attempts = 5): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    for (let i = 0; i < attempts && this.buffer.length > 0; i++) {
      await this.flush();
      if (this.buffer.length > 0) await new Promise((r) => setTimeout(r, 200 * (i + 1)));
    }
  }

  getStats(): BatchWriterStats {
    return { ...this.stats, buffered: this.buffer.length };
  }
}
