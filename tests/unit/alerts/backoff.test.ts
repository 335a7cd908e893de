import { describe, expect, it } from "vitest";
import { backoffDelayMs } from "@/lib/alerts/backoff";

describe("delivery backoff", () => {
  it("doubles from 1 s after each failure and stops growing at 5 minutes", () => {
    expect([1, 2, 3, 4, 5].map((n) => backoffDelayMs(n))).toEqual([1_000, 2_000, 4_000, 8_000, 16_000]);
    expect(backoffDelayMs(9)).toBe(256_000);
    expect(backoffDelayMs(10)).toBe(300_000);
    expect(backoffDelayMs(10_000)).toBe(300_000);
  });

  it("uses the given base and cap", () => {
    expect([1, 2, 3, 4].map((n) => backoffDelayMs(n, { baseMs: 50, maxMs: 150 }))).toEqual([50, 100, 150, 150]);
  });
});
