import { describe, expect, it, vi } from "vitest";
import { dec } from "@/lib/domain/money";
import { killSwitchCheck } from "@/lib/risk/checks/kill-switch";
import { reduceOnlyCheck } from "@/lib/risk/checks/reduce-only";
import { symbolPausedCheck } from "@/lib/risk/checks/symbol-paused";
import { OrderWindow } from "@/lib/risk/order-window";
import { createPreTradeGate, DEFAULT_PRE_TRADE_CHECKS, runPreTradeChecks } from "@/lib/risk/pre-trade-gate";
import type { PreTradeCheck } from "@/lib/risk/pre-trade-context";
import { rejection } from "@/lib/risk/reason-codes";
import { intent } from "./fixtures";
import { ctx, NOON_WEDNESDAY } from "./risk-fixtures";

const gate = createPreTradeGate();

describe("pre-trade gate", () => {
  it("approves an ordinary order", () => {
    expect(gate(ctx(), intent({ quantity: "0.1" }))).toEqual({ approved: true });
  });

  it("a halted account hears about the kill switch first, whatever else is wrong", () => {
    const decision = gate(ctx({ state: "HALTED", instrument: undefined, referencePrice: null }), intent({ symbol: "DOGEUSDT", quantity: "0" }));
    expect(decision).toMatchObject({ approved: false, rejection: { code: "KILL_SWITCH_ACTIVE" } });
  });

  it("then reports the unknown symbol before quantity or price problems", () => {
    expect(gate(ctx({ instrument: undefined }), intent({ symbol: "DOGEUSDT", quantity: "0" }))).toMatchObject({ rejection: { code: "UNKNOWN_SYMBOL" } });
    expect(gate(ctx(), intent({ quantity: "0", type: "LIMIT", price: "0" }))).toMatchObject({ rejection: { code: "INVALID_QUANTITY" } });
    expect(gate(ctx({ referencePrice: null }), intent({ type: "LIMIT", price: "0" }))).toMatchObject({ rejection: { code: "INVALID_PRICE" } });
  });

  it("refuses on a missing reference price before judging size", () => {
    expect(gate(ctx({ referencePrice: Number.NaN }), intent({ quantity: "100" }))).toMatchObject({ rejection: { code: "NO_REFERENCE_PRICE" } });
  });

  it("in REDUCING, a growing order is refused as reduce-only rather than for its size", () => {
    const reducing = ctx({ state: "REDUCING", positionQuantity: dec(1) });
    expect(gate(reducing, intent({ side: "BUY", quantity: "100" }))).toMatchObject({ rejection: { code: "REDUCE_ONLY" } });
    expect(gate(reducing, intent({ side: "SELL", quantity: "0.2" }))).toEqual({ approved: true });
  });

  it("checks notional before position", () => {
    expect(gate(ctx(), intent({ quantity: "1" }))).toMatchObject({ rejection: { code: "MAX_ORDER_NOTIONAL" } });
    const roomy = ctx({ limits: { maxOrderNotional: "1000000", maxPositionFraction: "0.25" } });
    expect(gate(roomy, intent({ quantity: "1" }))).toMatchObject({ rejection: { code: "MAX_POSITION" } });
  });

  it("runs a custom list in its order and stops at the first rejection", () => {
    const first: PreTradeCheck = vi.fn(() => null);
    const second: PreTradeCheck = vi.fn(() => rejection("MAX_POSITION"));
    const third: PreTradeCheck = vi.fn(() => rejection("KILL_SWITCH_ACTIVE"));
    const decision = runPreTradeChecks([first, second, third], ctx(), intent());
    expect(decision).toEqual({ approved: false, rejection: rejection("MAX_POSITION") });
    expect(first).toHaveBeenCalledOnce();
    expect(third).not.toHaveBeenCalled();
    expect(runPreTradeChecks([], ctx(), intent())).toEqual({ approved: true });
  });

  it("refuses the order when a check throws", () => {
    const broken: PreTradeCheck = () => {
      throw new Error("boom");
    };
    expect(runPreTradeChecks([broken], ctx(), intent())).toMatchObject({ approved: false, rejection: { code: "RISK_CHECK_ERROR" } });
  });

  it("fails closed on a misconfigured limit", () => {
    const bad = ctx({ limits: { maxOrderNotional: "lots", maxPositionFraction: "0.25" } });
    expect(gate(bad, intent({ quantity: "0.1" }))).toMatchObject({ rejection: { code: "MAX_ORDER_NOTIONAL" } });
  });

  it("runs every check once, the risk state and symbol pauses first", () => {
    expect(DEFAULT_PRE_TRADE_CHECKS.slice(0, 3)).toEqual([killSwitchCheck, reduceOnlyCheck, symbolPausedCheck]);
    expect(new Set(DEFAULT_PRE_TRADE_CHECKS).size).toBe(DEFAULT_PRE_TRADE_CHECKS.length);
  });

  it("an order that breaks several limits hears the most basic one", () => {
    const everything = ctx({ limits: {
      maxOrderNotional: "1000", maxPositionFraction: "0.001", maxTotalPositionFraction: "0.001", maxOpenOrdersNotional: "1", priceCollarFraction: "0.01",
      allowedSymbols: ["ETHUSDT"], tradingSessions: [{ days: [0], from: "00:00", to: "01:00" }], duplicateWindowMs: 5_000, maxOrdersPerMinute: 1,
    } });
    const code = (c: typeof everything, order = intent({ type: "LIMIT", price: "40000", quantity: "1" })) => {
      const decision = gate(c, order);
      return decision.approved ? "APPROVED" : decision.rejection.code;
    };
    expect(code(everything)).toBe("SYMBOL_NOT_ALLOWED");
    const limits = { ...everything.limits, allowedSymbols: undefined };
    expect(code({ ...everything, limits })).toBe("OUTSIDE_TRADING_SESSION");
    const inSession = { ...limits, tradingSessions: undefined };
    expect(code({ ...everything, limits: inSession })).toBe("PRICE_COLLAR");
    expect(code({ ...everything, limits: inSession }, intent({ quantity: "1" }))).toBe("MAX_ORDER_NOTIONAL");
    const recentOrders = new OrderWindow();
    const small = intent({ quantity: "0.001" });
    recentOrders.record(small, NOON_WEDNESDAY);
    expect(code({ ...everything, limits: inSession, recentOrders }, { ...small, clientOrderId: "again" })).toBe("DUPLICATE_ORDER");
    expect(code({ ...everything, limits: inSession, recentOrders }, intent({ quantity: "0.002" }))).toBe("ORDER_RATE_LIMIT");
    expect(code({ ...everything, limits: { ...inSession, maxOrdersPerMinute: undefined }, recentOrders }, intent({ quantity: "0.003" }))).toBe("MAX_POSITION");
  });
});
