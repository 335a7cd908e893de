import { describe, expect, it } from "vitest";
import type { RiskLimits } from "@/lib/domain/account";
import { dec } from "@/lib/domain/money";
import { createPreTradeGate } from "@/lib/risk/pre-trade-gate";
import type { PreTradeContext } from "@/lib/risk/pre-trade-context";
import { OrderWindow } from "@/lib/risk/order-window";
import { intent } from "../trading/fixtures";
import { ctx, NOON_WEDNESDAY } from "../trading/risk-fixtures";

const gate = createPreTradeGate();
const BASE: RiskLimits = { maxOrderNotional: "20000", maxPositionFraction: "0.25" };

function withLimits(limits: Partial<RiskLimits>, overrides: Partial<PreTradeContext> = {}): PreTradeContext {
  return ctx({ limits: { ...BASE, ...limits }, ...overrides });
}

function codeOf(context: PreTradeContext, order = intent({ quantity: "0.1" })): string {
  const decision = gate(context, order);
  return decision.approved ? "APPROVED" : decision.rejection.code;
}

describe("max order quantity", () => {
  it("refuses more than the account-wide maximum, and a symbol's override replaces it", () => {
    expect(codeOf(withLimits({ maxOrderQuantity: "0.1" }))).toBe("APPROVED");
    expect(codeOf(withLimits({ maxOrderQuantity: "0.05" }))).toBe("MAX_ORDER_QUANTITY");
    expect(codeOf(withLimits({ maxOrderQuantity: "0.05", perSymbol: { BTCUSDT: { maxOrderQuantity: "1" } } }))).toBe("APPROVED");
    expect(codeOf(withLimits({ perSymbol: { BTCUSDT: { maxOrderQuantity: "0.01" } } }))).toBe("MAX_ORDER_QUANTITY");
    expect(codeOf(withLimits({ perSymbol: { ETHUSDT: { maxOrderQuantity: "0.01" } } }))).toBe("APPROVED");
  });
});

describe("per-symbol overrides of notional and position", () => {
  it("use the symbol's own maximum order value and position fraction", () => {
    expect(codeOf(withLimits({ perSymbol: { BTCUSDT: { maxOrderNotional: "4000" } } }))).toBe("MAX_ORDER_NOTIONAL");
    expect(codeOf(withLimits({ perSymbol: { BTCUSDT: { maxPositionFraction: "0.04" } } }))).toBe("MAX_POSITION");
    expect(codeOf(withLimits({ perSymbol: { BTCUSDT: { maxPositionFraction: "0.05" } } }))).toBe("APPROVED");
  });
});

describe("max total position", () => {
  it("counts the other symbols' exposure and refuses what takes gross exposure over the fraction of equity", () => {
    const limits = { maxTotalPositionFraction: "0.3" };
    expect(codeOf(withLimits(limits, { otherSymbolsExposure: dec(25_000) }))).toBe("APPROVED");
    expect(codeOf(withLimits(limits, { otherSymbolsExposure: dec(25_001) }))).toBe("MAX_TOTAL_POSITION");
  });

  it("lets an order that shrinks its position through even when the account is over the limit", () => {
    const over = withLimits({ maxTotalPositionFraction: "0.1" }, { otherSymbolsExposure: dec(50_000), positionQuantity: dec(0.2) });
    expect(codeOf(over, intent({ side: "SELL", quantity: "0.1" }))).toBe("APPROVED");
    expect(codeOf(over, intent({ side: "BUY", quantity: "0.1" }))).toBe("MAX_TOTAL_POSITION");
  });
});

describe("price collar", () => {
  const collar = { priceCollarFraction: "0.05" };

  it("refuses a limit or stop price more than the collar away from the reference, on either side", () => {
    expect(codeOf(withLimits(collar), intent({ type: "LIMIT", price: "52500", quantity: "0.1" }))).toBe("APPROVED");
    expect(codeOf(withLimits(collar), intent({ type: "LIMIT", price: "52500.1", quantity: "0.1" }))).toBe("PRICE_COLLAR");
    expect(codeOf(withLimits(collar), intent({ type: "STOP", price: "47000", quantity: "0.1" }))).toBe("PRICE_COLLAR");
    expect(codeOf(withLimits(collar), intent({ type: "MARKET", quantity: "0.1" }))).toBe("APPROVED");
  });

  it("fails closed without a usable reference price", () => {
    for (const referencePrice of [null, 0, Number.NaN]) {
      expect(codeOf(withLimits(collar, { referencePrice }), intent({ type: "LIMIT", price: "50000", quantity: "0.1" }))).toBe("NO_REFERENCE_PRICE");
    }
  });
});

describe("max value of open orders", () => {
  it("adds this order's value to what the open orders already commit", () => {
    const limits = { maxOpenOrdersNotional: "10000" };
    expect(codeOf(withLimits(limits, { openOrders: { total: dec(5_000), buys: dec(0) } }))).toBe("APPROVED");
    expect(codeOf(withLimits(limits, { openOrders: { total: dec(5_001), buys: dec(0) } }))).toBe("MAX_OPEN_ORDERS_NOTIONAL");
  });
});

describe("duplicates and order rate", () => {
  it("refuses the same order within the window whatever its client order id, and accepts it after", () => {
    const recentOrders = new OrderWindow();
    const first = intent({ type: "LIMIT", price: "50000", quantity: "0.1" });
    recentOrders.record(first, NOON_WEDNESDAY);
    const again = intent({ type: "LIMIT", price: "50000.00", quantity: "0.10" });
    const limits = { duplicateWindowMs: 2_000 };
    expect(codeOf(withLimits(limits, { recentOrders, now: NOON_WEDNESDAY + 2_000 }), again)).toBe("DUPLICATE_ORDER");
    expect(codeOf(withLimits(limits, { recentOrders, now: NOON_WEDNESDAY + 2_001 }), again)).toBe("APPROVED");
    expect(codeOf(withLimits(limits, { recentOrders, now: NOON_WEDNESDAY + 1 }), { ...again, side: "SELL" })).not.toBe("DUPLICATE_ORDER");
  });

  it("leaves strategy orders to their per-bar client ids: two bars' equal decisions are not a duplicate", () => {
    const recentOrders = new OrderWindow();
    const decision = intent({ type: "MARKET", quantity: "0.1", source: "strategy" });
    recentOrders.record(decision, NOON_WEDNESDAY);
    expect(codeOf(withLimits({ duplicateWindowMs: 2_000 }, { recentOrders, now: NOON_WEDNESDAY + 1_000 }), decision)).toBe("APPROVED");
  });

  it("throttles the account and each strategy per rolling minute", () => {
    const recentOrders = new OrderWindow();
    for (let i = 0; i < 3; i++) recentOrders.record(intent({ quantity: `0.0${i + 1}`, strategyId: "strategy:ma" }), NOON_WEDNESDAY + i);
    const at = (now: number, limits: Partial<RiskLimits>, strategyId: string) =>
      codeOf(withLimits(limits, { recentOrders, now }), intent({ quantity: "0.1", strategyId }));
    expect(at(NOON_WEDNESDAY + 10, { maxOrdersPerMinute: 3 }, "api:bob")).toBe("ORDER_RATE_LIMIT");
    expect(at(NOON_WEDNESDAY + 10, { maxOrdersPerMinute: 4 }, "api:bob")).toBe("APPROVED");
    expect(at(NOON_WEDNESDAY + 10, { maxOrdersPerMinutePerStrategy: 3 }, "strategy:ma")).toBe("STRATEGY_RATE_LIMIT");
    expect(at(NOON_WEDNESDAY + 10, { maxOrdersPerMinutePerStrategy: 3 }, "api:bob")).toBe("APPROVED");
    expect(at(NOON_WEDNESDAY + 60_000, { maxOrdersPerMinute: 3 }, "api:bob")).toBe("APPROVED");
  });
});

describe("allowed symbols and trading sessions", () => {
  it("refuses a symbol that is not on the list", () => {
    expect(codeOf(withLimits({ allowedSymbols: ["ETHUSDT"] }))).toBe("SYMBOL_NOT_ALLOWED");
    expect(codeOf(withLimits({ allowedSymbols: ["ETHUSDT", "BTCUSDT"] }))).toBe("APPROVED");
  });

  it("accepts orders only inside a UTC session; one that ends before it starts runs past midnight", () => {
    const weekdays = { tradingSessions: [{ days: [1, 2, 3, 4, 5], from: "09:00", to: "17:00" }] };
    expect(codeOf(withLimits(weekdays))).toBe("APPROVED");
    expect(codeOf(withLimits(weekdays, { now: NOON_WEDNESDAY + 5 * 3_600_000 }))).toBe("OUTSIDE_TRADING_SESSION");
    const overnight = { tradingSessions: [{ days: [2], from: "22:00", to: "02:00" }] };
    const tuesday2300 = NOON_WEDNESDAY - 13 * 3_600_000;
    expect(codeOf(withLimits(overnight, { now: tuesday2300 }))).toBe("APPROVED");
    expect(codeOf(withLimits(overnight, { now: tuesday2300 + 2 * 3_600_000 + 59 * 60_000 }))).toBe("APPROVED");
    expect(codeOf(withLimits(overnight, { now: tuesday2300 + 3 * 3_600_000 }))).toBe("OUTSIDE_TRADING_SESSION");
    expect(codeOf(withLimits(overnight, { now: NOON_WEDNESDAY + 11 * 3_600_000 }))).toBe("OUTSIDE_TRADING_SESSION");
  });
});

describe("buying power", () => {
  it("a buy that opens exposure needs free cash after the open buy orders", () => {
    const order = intent({ quantity: "0.2" });
    expect(codeOf(withLimits({}, { cash: dec(10_000) }), order)).toBe("APPROVED");
    expect(codeOf(withLimits({}, { cash: dec(10_000), openOrders: { total: dec(1), buys: dec(1) } }), order)).toBe("INSUFFICIENT_BUYING_POWER");
  });

  it("covering a short needs no free cash; only the part that opens a long does", () => {
    const short = { cash: dec(0), positionQuantity: dec(-0.2) };
    expect(codeOf(withLimits({}, short), intent({ quantity: "0.2" }))).toBe("APPROVED");
    expect(codeOf(withLimits({}, short), intent({ quantity: "0.3" }))).toBe("INSUFFICIENT_BUYING_POWER");
  });

  it("a short may be worth at most the equity not reserved by open buy orders", () => {
    const roomy = { maxOrderNotional: "1000000", maxPositionFraction: "1" };
    const reserved = { equity: dec(20_000), openOrders: { total: dec(10_000), buys: dec(10_000) } };
    expect(codeOf(withLimits(roomy, reserved), intent({ side: "SELL", quantity: "0.2" }))).toBe("APPROVED");
    expect(codeOf(withLimits(roomy, reserved), intent({ side: "SELL", quantity: "0.21" }))).toBe("INSUFFICIENT_BUYING_POWER");
    expect(codeOf(withLimits(roomy, { ...reserved, positionQuantity: dec(0.3) }), intent({ side: "SELL", quantity: "0.3" }))).toBe("APPROVED");
  });
});

describe("symbol pauses", () => {
  const paused = { pausedUntil: (symbol: string) => (symbol === "BTCUSDT" ? NOON_WEDNESDAY + 1 : null) };

  it("refuses new entries on a paused symbol but lets exits and other symbols through", () => {
    expect(codeOf(ctx(paused))).toBe("SYMBOL_PAUSED");
    expect(codeOf(ctx({ ...paused, positionQuantity: dec(0.2) }), intent({ side: "SELL", quantity: "0.1" }))).toBe("APPROVED");
    expect(codeOf(ctx({ ...paused, now: NOON_WEDNESDAY + 1 }))).toBe("APPROVED");
  });
});

describe("fail closed and off by default", () => {
  it("a limit that is set but whose input is missing refuses the order", () => {
    expect(codeOf(withLimits({ duplicateWindowMs: 1_000 }, { recentOrders: undefined }))).toBe("RISK_CHECK_ERROR");
    expect(codeOf(withLimits({ maxTotalPositionFraction: "1" }, { otherSymbolsExposure: undefined }))).toBe("RISK_CHECK_ERROR");
    expect(codeOf(withLimits({ tradingSessions: [] }, { now: undefined }))).toBe("RISK_CHECK_ERROR");
    expect(codeOf(withLimits({}, { cash: undefined }))).toBe("RISK_CHECK_ERROR");
  });

  it("limits left out are not checked, so a bare backtest-style context still approves", () => {
    expect(codeOf(withLimits({}, { now: undefined, recentOrders: undefined, otherSymbolsExposure: undefined }))).toBe("APPROVED");
  });
});
