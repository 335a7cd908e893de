import { describe, expect, it } from "vitest";
import { blockedNotice, keysWords, liveBannerText, resolveWording } from "@/components/venues/venue-words";

describe("the LIVE banner's words", () => {
  it("names every symbol whose orders go to a real venue, and the venue", () => {
    const text = liveBannerText([{ symbol: "BTCUSDT", venue: "bybit" }, { symbol: "SOLUSDT", venue: "paper" }, { symbol: "ETHUSDT", venue: "bybit" }]);
    expect(text).toBe("LIVE TRADING — orders for BTCUSDT, ETHUSDT go to Bybit with real funds");
  });

  it("names MetaTrader 5 for the symbols routed to the EA, beside Bybit's", () => {
    const text = liveBannerText([{ symbol: "BTCUSDT", venue: "bybit" }, { symbol: "EURUSD", venue: "mt5" }]);
    expect(text).toBe("LIVE TRADING — orders for BTCUSDT go to Bybit; orders for EURUSD go to MetaTrader 5 with real funds");
    expect(blockedNotice("mt5", "mismatch")).toBe("New orders to MetaTrader 5 are blocked until the books agree (reconciliation: mismatch).");
  });

  it("still warns in live mode when no symbol is routed to a real venue", () => {
    expect(liveBannerText([{ symbol: "BTCUSDT", venue: "paper" }])).toMatch(/^LIVE MODE — no symbol is routed to a live venue/);
  });
});

describe("reconciliation wording", () => {
  it("says new orders are blocked in every phase but agreed", () => {
    expect(blockedNotice("bybit", "agreed")).toBeNull();
    for (const phase of ["pending", "reconciling", "mismatch", "failed"] as const) {
      expect(blockedNotice("bybit", phase)).toBe(`New orders to Bybit are blocked until the books agree (reconciliation: ${phase}).`);
    }
  });

  it("asks before cancelling at the venue and says what adopting a position books", () => {
    expect(resolveWording({ kind: "venue-order", symbol: "BTCUSDT" }, "cancel")).toMatchObject({ title: "Cancel the BTCUSDT order at the venue?", confirmLabel: "Cancel the venue's order" });
    expect(resolveWording({ kind: "position", symbol: "ETHUSDT" }, "adopt").message).toMatch(/venue's average price/);
    expect(resolveWording({ kind: "missing-order", symbol: "ETHUSDT" }, "adopt").message).toMatch(/closed here/);
  });
});

describe("keys wording", () => {
  it("shows only the masked hint and where the keys come from", () => {
    expect(keysWords(null)).toBe("No API keys");
    expect(keysWords({ source: "admin", maskedKey: "••••WXYZ" })).toBe("Key ••••WXYZ, stored by an admin");
    expect(keysWords({ source: "environment", maskedKey: "••••ABCD" })).toBe("Key ••••ABCD, from the environment (BYBIT_API_KEY)");
  });
});
