import type { Counter } from "prom-client";

/**
 * Increments a one-label counter without allocating on the hot path: each label value's child is bound once.
 * Only for labels with a bounded set of values (symbols, intervals, statuses, reason codes).
 */
export function boundCounter<L extends string>(counter: Counter<L>): (value: string, by?: number) => void {
  const children = new Map<string, Counter.Internal>();
  return (value, by = 1) => {
    let child = children.get(value);
    if (child === undefined) {
      child = counter.labels(value);
      children.set(value, child);
    }
    child.inc(by);
  };
}
