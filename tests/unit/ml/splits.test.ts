import { describe, expect, it } from "vitest";
import { chronologicalSplit, walkForwardFolds, type LeakGuard } from "@/lib/ml/splits";

const window = (t: number, horizon: number): [number, number] => [t, t + horizon];

/** Every sample of `earlier` has a window ending more than `embargo` bars before any window of `later` starts. */
function expectNoLeak(earlier: readonly number[], later: readonly number[], guard: LeakGuard): void {
  for (const a of earlier) {
    for (const b of later) {
      const [, aEnd] = window(a, guard.horizon);
      const [bStart, bEnd] = window(b, guard.horizon);
      const overlaps = aEnd >= bStart && bEnd >= a;
      expect(overlaps, `train ${a} vs ${b}`).toBe(false);
      expect(bStart - aEnd).toBeGreaterThan(guard.embargo);
    }
  }
}

const samples = Array.from({ length: 200 }, (_, i) => i + 27);

describe("chronological split with purging and embargo", () => {
  it("keeps time order, purges the label windows that reach the next part and leaves the embargo empty", () => {
    const guard = { horizon: 5, embargo: 3 };
    const split = chronologicalSplit(samples, { train: 0.6, validation: 0.2 }, guard);
    expectNoLeak(split.train, split.validation, guard);
    expectNoLeak(split.train, split.test, guard);
    expectNoLeak(split.validation, split.test, guard);
    // 120 / 40 / 40 before purging; h + e = 8 samples are dropped before each boundary, none after.
    expect([split.train.length, split.validation.length, split.test.length]).toEqual([112, 32, 40]);
    expect(split.train.at(-1)! + guard.horizon + guard.embargo).toBe(split.validation[0] - 1);
  });

  it("without purging the same fractions would leak: the guard is what removes the overlap", () => {
    const split = chronologicalSplit(samples, { train: 0.6, validation: 0.2 }, { horizon: 1, embargo: 0 });
    expect(split.validation[0] - split.train.at(-1)!).toBe(2);
  });
});

describe("rolling walk-forward folds", () => {
  it("tiles the test windows and purges every training window against its test window", () => {
    const guard = { horizon: 4, embargo: 2 };
    const folds = walkForwardFolds(samples, { trainSize: 80, testSize: 30 }, guard);
    expect(folds.map((f) => f.test.length)).toEqual([30, 30, 30, 30]);
    for (const fold of folds) {
      expectNoLeak(fold.train, fold.test, guard);
      expect(fold.train).toHaveLength(80 - guard.horizon - guard.embargo);
    }
    for (let i = 1; i < folds.length; i++) expect(folds[i].test[0]).toBe(folds[i - 1].test.at(-1)! + 1);
  });

  it("keeps only the latest maxFolds", () => {
    const all = walkForwardFolds(samples, { trainSize: 80, testSize: 30 }, { horizon: 1, embargo: 0 });
    const last = walkForwardFolds(samples, { trainSize: 80, testSize: 30, maxFolds: 2 }, { horizon: 1, embargo: 0 });
    expect(last.map((f) => f.test)).toEqual(all.slice(-2).map((f) => f.test));
  });
});
