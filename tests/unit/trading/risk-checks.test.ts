import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dec } from "@/lib/domain/money";
import { instrumentCheck, priceCheck, quantityCheck } from "@/lib/risk/checks/instrument";
import { killSwitchCheck } from "@/lib/risk/checks/kill-switch";
import { maxOrderNotionalCheck } from "@/lib/risk/checks/max-order-notional";
import { maxPositionCheck } from "@/lib/risk/checks/max-position";
import { reduceOnlyCheck } from "@/lib/risk/checks/reduce-only";
import { referencePriceCheck } from "@/lib/risk/checks/reference-price";
import { RISK_REASONS, RISK_REASON_CODES } from "@/lib/risk/reason-codes";
import { BTC, ETH, intent } from "./fixtures";
import { ctx } from "./risk-fixtures";

describe("reason codes", () => {
  it("every code has a human message", () => {
    expect(RISK_REASON_CODES).toEqual(expect.arrayContaining(["KILL_SWITCH_ACTIVE", "MAX_ORDER_NOTIONAL", "MAX_POSITION", "UNKNOWN_SYMBOL", "NO_REFERENCE_PRICE", "INVALID_QUANTITY", "INVALID_PRICE", "REDUCE_ONLY"]));
    for (const code of RISK_REASON_CODES) expect(RISK_REASONS[code].length).toBeGreaterThan(10);
  });
});

describe("kill switch", () => {
  it("lets orders through while ACTIVE or REDUCING", () => {
    expect(killSwitchCheck(ctx(), intent())).toBeNull();
    expect(killSwitchCheck(ctx({ state: "REDUCING" }), intent())).toBeNull();
  });
  it("refuses every new order when HALTED, even a reducing one", () => {
    const result = killSwitchCheck(ctx({ state: "HALTED", positionQuantity: dec(1) }), intent({ side: "SELL" }));
    expect(result?.code).toBe("KILL_SWITCH_ACTIVE");
  });
});

describe("instrument checks", () => {
  it("approves a known symbol and refuses an unknown or mismatched one", () => {
    expect(instrumentCheck(ctx(), intent())).toBeNull();
    expect(instrumentCheck(ctx({ instrument: undefined }), intent({ symbol: "DOGEUSDT" }))?.code).toBe("UNKNOWN_SYMBOL");
    expect(instrumentCheck(ctx({ instrument: ETH }), intent({ symbol: "BTCUSDT" }))?.code).toBe("UNKNOWN_SYMBOL");
  });
  it.each(["0.0001", "1", "2.5"])("approves quantity %s on the lot grid", (quantity) => {
    expect(quantityCheck(ctx(), intent({ quantity }))).toBeNull();
  });
  it.each(["0", "-1", "0.00005", "abc", "1e2", ""])("refuses quantity %j", (quantity) => {
    expect(quantityCheck(ctx(), intent({ quantity }))?.code).toBe("INVALID_QUANTITY");
  });
  it("approves limit and stop prices on the tick grid and ignores a market order's price", () => {
    expect(priceCheck(ctx(), intent({ type: "LIMIT", price: "49999.9" }))).toBeNull();
    expect(priceCheck(ctx(), intent({ type: "STOP", price: "51000" }))).toBeNull();
    expect(priceCheck(ctx(), intent({ type: "MARKET", price: "garbage" }))).toBeNull();
  });
  it.each([undefined, "0", "-5", "49999.95", "NaN"])("refuses limit price %j", (price) => {
    expect(priceCheck(ctx(), intent({ type: "LIMIT", price }))?.code).toBe("INVALID_PRICE");
  });
});

describe("reference price", () => {
  it("approves a usable reference price", () => {
    expect(referencePriceCheck(ctx(), intent())).toBeNull();
  });
  it.each([null, 0, -1, Number.NaN, Number.POSITIVE_INFINITY])("fails closed on %s, even for a limit order", (referencePrice) => {
    expect(referencePriceCheck(ctx({ referencePrice }), intent({ type: "LIMIT", price: "1" }))?.code).toBe("NO_REFERENCE_PRICE");
  });
});

describe("reduce only", () => {
  const reducing = (position: number) => ctx({ state: "REDUCING", positionQuantity: dec(position) });
  it("does nothing while ACTIVE", () => {
    expect(reduceOnlyCheck(ctx(), intent({ side: "BUY" }))).toBeNull();
  });
  it("allows selling part or all of a long, and buying back a short", () => {
    expect(reduceOnlyCheck(reducing(1), intent({ side: "SELL", quantity: "0.4" }))).toBeNull();
    expect(reduceOnlyCheck(reducing(1), intent({ side: "SELL", quantity: "1" }))).toBeNull();
    expect(reduceOnlyCheck(reducing(-2), intent({ side: "BUY", quantity: "2" }))).toBeNull();
  });
  it("refuses growing a position, opening one from flat, or reversing through zero", () => {
    expect(reduceOnlyCheck(reducing(1), intent({ side: "BUY", quantity: "0.1" }))?.code).toBe("REDUCE_ONLY");
    expect(reduceOnlyCheck(reducing(0), intent({ side: "SELL", quantity: "0.1" }))?.code).toBe("REDUCE_ONLY");
    expect(reduceOnlyCheck(reducing(1), intent({ side: "SELL", quantity: "1.0001" }))?.code).toBe("REDUCE_ONLY");
  });
});

describe("max order notional", () => {
  it("values a market order at the reference price", () => {
    expect(maxOrderNotionalCheck(ctx(), intent({ quantity: "0.4" }))).toBeNull(); // 20,000: at the limit
    const result = maxOrderNotionalCheck(ctx(), intent({ quantity: "0.4001" }));
    expect(result?.code).toBe("MAX_ORDER_NOTIONAL");
    expect(result?.message).toContain("20005 > 20000");
  });
  it("values a limit order at its limit price, not the market", () => {
    expect(maxOrderNotionalCheck(ctx(), intent({ type: "LIMIT", price: "40000", quantity: "0.5" }))).toBeNull();
    expect(maxOrderNotionalCheck(ctx(), intent({ type: "LIMIT", price: "60000", quantity: "0.4" }))?.code).toBe("MAX_ORDER_NOTIONAL");
  });
  it("fails closed without a reference price for a market order", () => {
    expect(maxOrderNotionalCheck(ctx({ referencePrice: null }), intent())?.code).toBe("NO_REFERENCE_PRICE");
  });
  it("rejects exactly the orders above the limit (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200_000 }), fc.integer({ min: 1, max: 1_000_000 }), (lots, ticks) => {
        const quantity = dec(lots).mul(BTC.lotSize);
        const price = dec(ticks).mul(BTC.tickSize);
        const result = maxOrderNotionalCheck(ctx(), intent({ type: "LIMIT", quantity: quantity.toFixed(), price: price.toFixed() }));
        expect(result === null).toBe(quantity.mul(price).lte(20_000));
      }),
    );
  });
});

describe("max position", () => {
  it("allows a position up to the fraction of equity and refuses beyond", () => {
    // 25% of 100,000 = 25,000 = 0.5 BTC at 50,000
    expect(maxPositionCheck(ctx(), intent({ quantity: "0.5" }))).toBeNull();
    expect(maxPositionCheck(ctx(), intent({ quantity: "0.5001" }))?.code).toBe("MAX_POSITION");
    expect(maxPositionCheck(ctx({ positionQuantity: dec("0.3") }), intent({ quantity: "0.3" }))?.code).toBe("MAX_POSITION");
  });
  it("counts short positions by their size", () => {
    expect(maxPositionCheck(ctx({ positionQuantity: dec("-0.4") }), intent({ side: "SELL", quantity: "0.2" }))?.code).toBe("MAX_POSITION");
  });
  it("always allows an order that shrinks the position, even over the limit", () => {
    const over = ctx({ positionQuantity: dec(2) });
    expect(maxPositionCheck(over, intent({ side: "SELL", quantity: "1" }))).toBeNull();
    expect(maxPositionCheck(over, intent({ side: "SELL", quantity: "4" }))).toBeNull(); // -2 is no larger than 2
    expect(maxPositionCheck(over, intent({ side: "SELL", quantity: "4.0001" }))?.code).toBe("MAX_POSITION");
  });
  it("refuses any growth when equity is zero or negative", () => {
    expect(maxPositionCheck(ctx({ equity: dec(-1) }), intent({ quantity: "0.0001" }))?.code).toBe("MAX_POSITION");
  });
});
