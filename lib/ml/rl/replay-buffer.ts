import type { SeededRandom } from "@/lib/market/seeded-random";

export interface Transition {
  observation: readonly number[];
  action: number;
  reward: number;
  nextObservation: readonly number[];
  /** The episode ended with this step: nothing is bootstrapped from nextObservation. */
  done: boolean;
}

/** Experience replay: the last `capacity` transitions, sampled uniformly (with replacement) from a seeded generator. */
export class ReplayBuffer {
  private readonly items: Transition[] = [];
  private next = 0;

  constructor(readonly capacity: number) {
    if (!(Number.isInteger(capacity) && capacity > 0)) throw new RangeError(`capacity must be a positive integer, got ${capacity}`);
  }

  get size(): number {
    return this.items.length;
  }

  /** Once full, each new transition overwrites the oldest. */
  add(transition: Transition): void {
    if (this.items.length < this.capacity) this.items.push(transition);
    else this.items[this.next] = transition;
    this.next = (this.next + 1) % this.capacity;
  }

  sample(count: number, random: SeededRandom): Transition[] {
    if (this.items.length === 0) throw new RangeError("cannot sample an empty replay buffer");
    return Array.from({ length: count }, () => this.items[Math.floor(random.uniform() * this.items.length)]);
  }
}
