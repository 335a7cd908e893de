import { describe, expect, it } from "vitest";
import { alertInputSchema } from "@/lib/alerts/alert-input";

describe("alert input", () => {
  it("cuts a huge message instead of refusing the alert", () => {
    const parsed = alertInputSchema.parse({ severity: "high", code: "system_failure", title: "x".repeat(500), message: "y".repeat(50_000) });
    expect(parsed.title).toHaveLength(200);
    expect(parsed.message).toHaveLength(4000);
    expect(parsed.message.endsWith("…")).toBe(true);
  });

  it("refuses what can only be a bug in the caller", () => {
    expect(() => alertInputSchema.parse({ severity: "critical", code: "x", title: "t", message: "m" })).toThrow(/severity/);
    expect(() => alertInputSchema.parse({ severity: "low", code: "Has Spaces", title: "t", message: "m" })).toThrow(/code/);
    expect(() => alertInputSchema.parse({ severity: "low", code: "x", title: " ", message: "m" })).toThrow(/title/);
  });
});
