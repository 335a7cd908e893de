/** The last `size` numbers, oldest first; a ring buffer so a streaming indicator never grows with history. */
export class RollingWindow {
  private readonly values: number[];
  private start = 0;
  private count = 0;

  constructor(readonly size: number) {
    if (!Number.isInteger(size) || size < 1) throw new RangeError(`window size must be a positive integer, got ${size}`);
    this.values = new Array<number>(size);
  }

  push(value: number): void {
    if (this.count < this.size) {
      this.values[(this.start + this.count) % this.size] = value;
      this.count++;
      return;
    }
    this.values[this.start] = value;
    this.start = (this.start + 1) % this.size;
  }

  get full(): boolean {
    return this.count === this.size;
  }

  get length(): number {
    return this.count;
  }

  /** i = 0 is the oldest value kept. */
  at(i: number): number {
    return this.values[(this.start + i) % this.size];
  }

  /** Summed oldest to newest, every time, so no running-sum rounding error builds up over a long stream. */
  mean(): number {
    let sum = 0;
    for (let i = 0; i < this.count; i++) sum += this.at(i);
    return sum / this.count;
  }

  /** ddof = 0 is the population standard deviation, ddof = 1 the sample one. */
  std(ddof: 0 | 1): number {
    const mean = this.mean();
    let squares = 0;
    for (let i = 0; i < this.count; i++) squares += (this.at(i) - mean) ** 2;
    return Math.sqrt(squares / (this.count - ddof));
  }
}
