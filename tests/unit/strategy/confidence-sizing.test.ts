import { describe, expect, it } from "vitest";
import { confidenceScale, ensembleTargetQuantity } from "@/lib/strategy/confidence-sizing";

const sizing = { notional: "1000", minConfidence: 0.4, lotSize: "0.001" };

describe("confidence sizing", () => {
  it("holds nothing at or below the minimum confidence and the full size only for a certain call", () => {
    expect(confidenceScale(0.4, 0.4)).toBe(0);
    expect(confidenceScale(0.39, 0.4)).toBe(0);
    expect(confidenceScale(1, 0.4)).toBe(1);
  });

  it("moves in quarters, rounding down, so a confidence drifting by a point does not trade", () => {
    expect(confidenceScale(0.55, 0.4)).toBe(0.25);
    expect(confidenceScale(0.56, 0.4)).toBe(0.25);
    expect(confidenceScale(0.7, 0.4)).toBe(0.5);
    expect(confidenceScale(0.94, 0.4)).toBe(0.75);
  });

  it("turns a call into a signed quantity rounded down to the lot size", () => {
    expect(ensembleTargetQuantity({ direction: 1, confidence: 0.7 }, 30_000, sizing).toFixed()).toBe("0.016");
    expect(ensembleTargetQuantity({ direction: -1, confidence: 1 }, 30_000, sizing).toFixed()).toBe("-0.033");
  });

  it("asks for no position on a flat call, however confident", () => {
    expect(ensembleTargetQuantity({ direction: 0, confidence: 0.99 }, 30_000, sizing).isZero()).toBe(true);
  });
});
