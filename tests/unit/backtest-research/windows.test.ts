import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { walkForwardWindows } from "@/lib/backtest/walk-forward";

const ranges = (ws: ReturnType<typeof walkForwardWindows>) => ws.map((w) => [w.trainStart, w.trainEnd, w.testStart, w.testEnd]);

describe("walkForwardWindows", () => {
  it("rolls train/test windows forward by the test length by default", () => {
    expect(ranges(walkForwardWindows({ bars: 10, train: 4, test: 2 }))).toEqual([
      [0, 4, 4, 6],
      [2, 6, 6, 8],
      [4, 8, 8, 10],
    ]);
  });

  it("numbers the windows from 0", () => {
    expect(walkForwardWindows({ bars: 10, train: 4, test: 2 }).map((w) => w.index)).toEqual([0, 1, 2]);
  });

  it("anchors every training slice at bar 0 and grows it by step", () => {
    expect(ranges(walkForwardWindows({ bars: 10, train: 4, test: 2, anchored: true }))).toEqual([
      [0, 4, 4, 6],
      [0, 6, 6, 8],
      [0, 8, 8, 10],
    ]);
    expect(ranges(walkForwardWindows({ bars: 12, train: 3, test: 2, step: 4, anchored: true }))).toEqual([
      [0, 3, 3, 5],
      [0, 7, 7, 9],
    ]);
  });

  it("honours a step shorter (overlapping tests) or longer (gaps) than the test", () => {
    expect(ranges(walkForwardWindows({ bars: 8, train: 4, test: 3, step: 1 }))).toEqual([
      [0, 4, 4, 7],
      [1, 5, 5, 8],
    ]);
    expect(ranges(walkForwardWindows({ bars: 20, train: 4, test: 2, step: 5 }))).toEqual([
      [0, 4, 4, 6],
      [5, 9, 9, 11],
      [10, 14, 14, 16],
    ]);
  });

  it("drops a last window cut short by the end of the series, unless partial", () => {
    expect(ranges(walkForwardWindows({ bars: 11, train: 4, test: 3 }))).toEqual([
      [0, 4, 4, 7],
      [3, 7, 7, 10],
    ]);
    expect(ranges(walkForwardWindows({ bars: 11, train: 4, test: 3, partial: true }))).toEqual([
      [0, 4, 4, 7],
      [3, 7, 7, 10],
      [6, 10, 10, 11],
    ]);
  });

  it("handles series too short for a window, and exactly one window", () => {
    expect(walkForwardWindows({ bars: 5, train: 4, test: 2 })).toEqual([]);
    expect(walkForwardWindows({ bars: 0, train: 4, test: 2 })).toEqual([]);
    expect(walkForwardWindows({ bars: 4, train: 4, test: 2, partial: true })).toEqual([]);
    expect(ranges(walkForwardWindows({ bars: 5, train: 4, test: 2, partial: true }))).toEqual([[0, 4, 4, 5]]);
    expect(ranges(walkForwardWindows({ bars: 6, train: 4, test: 2 }))).toEqual([[0, 4, 4, 6]]);
  });

  it("rejects non-positive or fractional sizes", () => {
    expect(() => walkForwardWindows({ bars: 10, train: 0, test: 2 })).toThrow(RangeError);
    expect(() => walkForwardWindows({ bars: 10, train: 4, test: 0 })).toThrow(RangeError);
    expect(() => walkForwardWindows({ bars: 10, train: 4, test: 2, step: 0 })).toThrow(RangeError);
    expect(() => walkForwardWindows({ bars: 10, train: 4.5, test: 2 })).toThrow(RangeError);
    expect(() => walkForwardWindows({ bars: -1, train: 4, test: 2 })).toThrow(RangeError);
  });

  it("always tests right after training, inside the series, never training on a test bar (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 400 }),
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 1, max: 80 }),
        fc.boolean(),
        fc.boolean(),
        (bars, train, test, step, anchored, partial) => {
          const ws = walkForwardWindows({ bars, train, test, step, anchored, partial });
          ws.forEach((w, k) => {
            expect(w.index).toBe(k);
            expect(w.trainStart).toBeGreaterThanOrEqual(0);
            expect(w.trainEnd).toBe(w.testStart);
            expect(w.testStart).toBeLessThan(w.testEnd);
            expect(w.testEnd).toBeLessThanOrEqual(bars);
            expect(w.trainEnd - w.trainStart).toBe(anchored ? train + k * step : train);
            if (anchored) expect(w.trainStart).toBe(0);
            if (k > 0) expect(w.testStart - ws[k - 1].testStart).toBe(step);
            if (!partial || k < ws.length - 1) expect(w.testEnd - w.testStart).toBe(test);
          });
          // Complete: no further full window fits.
          const lastStart = ws.length ? ws[ws.length - 1].testStart : null;
          const nextStart = lastStart === null ? train : lastStart + step;
          if (!partial) expect(nextStart + test > bars).toBe(true);
          else expect(nextStart >= bars || (ws.length > 0 && ws[ws.length - 1].testEnd === bars)).toBe(true);
        },
      ),
    );
  });
});
