/** Runs async jobs one at a time in submission order: the journal must see NEW before ACCEPTED before FILL. */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();
  private pending = 0;

  constructor(private readonly onError: (error: unknown) => void) {}

  push<T>(job: () => Promise<T>): Promise<T> {
    this.pending += 1;
    const run = this.tail.then(job).finally(() => {
      this.pending -= 1;
    });
    this.tail = run.catch((error: unknown) => this.onError(error));
    return run;
  }

  size(): number {
    return this.pending;
  }

  /** Resolves once everything pushed so far has run. */
  async drain(): Promise<void> {
    await this.tail;
  }
}
