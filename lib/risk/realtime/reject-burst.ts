/** The last `count` venue rejections in a ring: a burst is `count` of them within windowMs. */
export class RejectBurst {
  private times = new Float64Array(0);
  private next = 0;
  private seen = 0;

  /** Records a rejection at `at`; true when it completes a burst. */
  record(at: number, burst: { count: number; windowMs: number }): boolean {
    if (this.times.length !== burst.count) this.reset(burst.count);
    this.times[this.next] = at;
    this.next = (this.next + 1) % burst.count;
    this.seen += 1;
    // After the write, `next` points at the oldest of the last `count` rejections.
    return this.seen >= burst.count && at - this.times[this.next] < burst.windowMs;
  }

  reset(count = this.times.length): void {
    this.times = new Float64Array(count);
    this.next = 0;
    this.seen = 0;
  }
}
