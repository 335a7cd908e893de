import { describe, expect, it } from "vitest";
import { directionOfReturn, forwardDirectionLabels } from "@/lib/ml/labels";

describe("forward direction labels", () => {
  it("labels bar t by close[t+h] / close[t] - 1 through the dead zone, null where t+h does not exist", () => {
    const closes = [100, 101, 100.05, 99, 99.5];
    expect(forwardDirectionLabels(closes, { horizon: 1, deadZone: 0.005 })).toEqual([1, -1, -1, 1, null]);
    expect(forwardDirectionLabels(closes, { horizon: 2, deadZone: 0.005 })).toEqual([0, -1, -1, null, null]);
  });

  it("is flat on the dead zone's edge and outside only strictly beyond it", () => {
    expect(directionOfReturn(0.01, 0.01)).toBe(0);
    expect(directionOfReturn(-0.01, 0.01)).toBe(0);
    expect(directionOfReturn(0.0100001, 0.01)).toBe(1);
    expect(directionOfReturn(-0.0100001, 0.01)).toBe(-1);
  });

  it("never reads beyond t+h: changing a later close leaves the label unchanged", () => {
    const closes = [1, 2, 3, 4, 5, 6];
    const changed = [1, 2, 3, 4, 5, 0.1];
    expect(forwardDirectionLabels(changed, { horizon: 2, deadZone: 0 }).slice(0, 3)).toEqual(forwardDirectionLabels(closes, { horizon: 2, deadZone: 0 }).slice(0, 3));
  });

  it("refuses a horizon below 1 and a negative dead zone", () => {
    expect(() => forwardDirectionLabels([1, 2], { horizon: 0, deadZone: 0 })).toThrow(RangeError);
    expect(() => forwardDirectionLabels([1, 2], { horizon: 1, deadZone: -0.1 })).toThrow(RangeError);
  });
});
