import { describe, expect, it } from "vitest";
import { sequenceWindows } from "@/lib/ml/neural/sequence-windows";
import { fitStandardiser, standardiseInto } from "@/lib/ml/neural/standardiser";

describe("sequenceWindows", () => {
  it("gives the last N rows ending at every row from N-1 on, oldest first", () => {
    const rows = [[1], [2], [3], [4]];
    expect(sequenceWindows(rows, 3)).toEqual([[[1], [2], [3]], [[2], [3], [4]]]);
    expect(sequenceWindows(rows, 5)).toEqual([]);
    expect(() => sequenceWindows(rows, 0)).toThrow(/positive integer/);
  });
});

describe("standardiser", () => {
  it("uses the mean and population std of every feature, std 1 for a constant feature", () => {
    const s = fitStandardiser([[[1, 5], [3, 5]], [[5, 5], [7, 5]]]);
    expect(s.mean).toEqual([4, 5]);
    expect(s.std).toEqual([Math.sqrt(5), 1]);
    const out = new Float32Array(5).fill(9);
    standardiseInto([[4, 6], [6, 5]], s, out, 1);
    expect(Array.from(out)).toEqual([9, 0, 1, Math.fround(2 / Math.sqrt(5)), 0]);
    expect(() => standardiseInto([[1]], s, out, 0)).toThrow(/expected 2 features/);
  });
});
