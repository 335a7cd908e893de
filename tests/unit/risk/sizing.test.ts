import { describe, expect, it } from "vitest";
import { dec } from "@/lib/domain/money";
import { createPreTradeGate } from "@/lib/risk/pre-trade-gate";
import { clipToLimits } from "@/lib/risk/sizing/clip-to-limits";
import { scaleByConfidence } from "@/lib/risk/sizing/confidence";
import { atrStopQuantity } from "@/lib/risk/sizing/fixed-fractional";
import { cappedKellyFraction, kellyQuantity } from "@/lib/risk/sizing/kelly";
import { annualisedVolatility, periodsPerYear, volatilityTargetQuantity } from "@/lib/risk/sizing/volatility-target";
import { intent } from "../trading/fixtures";
import { ctx } from "../trading/risk-fixtures";

describe("fixed fractional with an ATR stop", () => {
  it("sizes so that a stop-out loses the risk fraction of equity", () => {
    const quantity = atrStopQuantity({ equity: dec(100_000), riskFraction: "0.01", atr: "500", atrMultiple: "2" });
    expect(quantity.toFixed()).toBe("1");
    expect(quantity.mul(2 * 500).toFixed()).toBe("1000");
  });

  it("holds nothing for a zero ATR or a non-positive risk", () => {
    expect(atrStopQuantity({ equity: dec(100_000), riskFraction: "0.01", atr: "0", atrMultiple: "2" }).isZero()).toBe(true);
    expect(atrStopQuantity({ equity: dec(100_000), riskFraction: "0", atr: "5", atrMultiple: "2" }).isZero()).toBe(true);
  });
});

describe("volatility targeting", () => {
  it("holds a position whose value swings by the target share of equity", () => {
    const quantity = volatilityTargetQuantity({ equity: dec(100_000), targetVolatility: 0.2, price: "50000", realisedVolatility: 0.8 });
    expect(quantity.toFixed()).toBe("0.5");
  });

  it("annualises the standard deviation of log returns by the bars in a year", () => {
    const closes = [100, 101, 100, 101, 100];
    const perBar = Math.sqrt(4 / 3) * Math.log(1.01);
    expect(annualisedVolatility(closes, periodsPerYear(86_400_000))).toBeCloseTo(perBar * Math.sqrt(365), 10);
    expect(annualisedVolatility([100, 101], 365)).toBeNaN();
    expect(volatilityTargetQuantity({ equity: dec(1), targetVolatility: 0.2, price: "1", realisedVolatility: Number.NaN }).isZero()).toBe(true);
  });
});

describe("capped Kelly", () => {
  it("is p - (1 - p) / b, never negative and never above the cap", () => {
    expect(cappedKellyFraction(0.6, 1, 1)).toBeCloseTo(0.2, 12);
    expect(cappedKellyFraction(0.6, 1, 0.1)).toBe(0.1);
    expect(cappedKellyFraction(0.4, 1, 1)).toBe(0);
    expect(kellyQuantity({ equity: dec(100_000), price: "50000", winProbability: 0.6, payoffRatio: 2, cap: 0.25 }).toFixed()).toBe("0.5");
  });
});

describe("confidence scaling", () => {
  it("scales by the live ensemble's quarter steps", () => {
    expect(scaleByConfidence(dec(2), 0.7, 0.4).toFixed()).toBe("1");
    expect(scaleByConfidence(dec(2), 0.4, 0.4).isZero()).toBe(true);
  });
});

describe("clip to limits", () => {
  const gate = createPreTradeGate();
  const price = dec(50_000);

  it("rounds down to the lot and clips by order quantity, notional and position so the gate approves", () => {
    const context = ctx({ limits: { maxOrderNotional: "20000", maxPositionFraction: "0.25", maxOrderQuantity: "0.3" } });
    const clipped = clipToLimits(context, "BUY", dec("10.123456789"), price);
    expect(clipped.toFixed()).toBe("0.3");
    expect(gate(context, intent({ quantity: clipped.toFixed() }))).toEqual({ approved: true });
    const roomier = ctx({ limits: { maxOrderNotional: "20000", maxPositionFraction: "0.25" } });
    expect(clipToLimits(roomier, "BUY", dec(10), price).toFixed()).toBe("0.4");
  });

  it("leaves only the room the position and total exposure have", () => {
    const context = ctx({ positionQuantity: dec(0.45), limits: { maxOrderNotional: "1000000", maxPositionFraction: "0.25", maxTotalPositionFraction: "0.3" }, otherSymbolsExposure: dec(7_500) });
    const clipped = clipToLimits(context, "BUY", dec(1), price);
    expect(clipped.toFixed()).toBe("0");
    const selling = clipToLimits(context, "SELL", dec(5), price);
    expect(selling.toFixed()).toBe("0.9");
    expect(gate(context, intent({ side: "SELL", quantity: selling.toFixed() }))).toEqual({ approved: true });
    expect(gate(context, intent({ side: "SELL", quantity: selling.add("0.0001").toFixed() }))).toMatchObject({ rejection: { code: "MAX_TOTAL_POSITION" } });
  });
});
