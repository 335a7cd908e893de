import { describe, expect, it } from "vitest";
import { clientOrderIdFromComment, commentForClientOrderId } from "@/lib/venues/mt5/order-comment";
import { nettingSteps, type OpenTrade } from "@/lib/venues/mt5/netting";

describe("the client order id in an MT comment", () => {
  it("packs a UUID into 24 characters and gets it back exactly", () => {
    const id = "3f2b8c1e-9a4d-4e7b-8c21-0d5e6f7a8b9c";
    const comment = commentForClientOrderId(id)!;
    expect(comment).toHaveLength(24);
    expect(comment).not.toMatch(/[;']/);
    expect(clientOrderIdFromComment(comment)).toBe(id);
  });

  it("sends a short id as it is, and refuses what cannot fit in 31 characters", () => {
    expect(commentForClientOrderId("s-EURUSD-1704095580000")).toBe("trs-EURUSD-1704095580000");
    expect(clientOrderIdFromComment("trs-EURUSD-1704095580000")).toBe("s-EURUSD-1704095580000");
    expect(commentForClientOrderId("x".repeat(30))).toBeNull();
    expect(commentForClientOrderId("3F2B8C1E-9A4D-4E7B-8C21-0D5E6F7A8B9C")).toBeNull();
    expect(Math.max(...["x".repeat(29), crypto.randomUUID()].map((id) => commentForClientOrderId(id)!.length))).toBeLessThanOrEqual(31);
  });

  it("does not claim a trader's own comments", () => {
    for (const comment of ["", "manual", "hedge EURUSD", "tuabc"]) expect(clientOrderIdFromComment(comment)).toBeNull();
  });
});

describe("netting a market order against our open trades", () => {
  const trades: OpenTrade[] = [
    { ticket: "9007199254740995", side: "BUY", lots: "0.02", openTime: "2026.11.27 10:00:02" },
    { ticket: "9007199254740993", side: "BUY", lots: "0.01", openTime: "2026.11.27 10:00:01" },
  ];

  it("closes the oldest opposite trades first, partly the last one, and opens only what is left", () => {
    expect(nettingSteps("SELL", "0.02", trades)).toEqual([
      { kind: "close", ticket: "9007199254740993", lots: "0.01" },
      { kind: "close-partial", ticket: "9007199254740995", lots: "0.01" },
    ]);
    expect(nettingSteps("SELL", "0.05", trades)).toEqual([
      { kind: "close", ticket: "9007199254740993", lots: "0.01" },
      { kind: "close", ticket: "9007199254740995", lots: "0.02" },
      { kind: "open", lots: "0.02" },
    ]);
  });

  it("adds to a position in the same direction with a new trade", () => {
    expect(nettingSteps("BUY", "0.01", trades)).toEqual([{ kind: "open", lots: "0.01" }]);
  });
});
