import type { Decimal } from "decimal.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { RiskLimits, RiskStateName } from "@/lib/domain/account";
import { dec, Money, priceToDecimal, ZERO } from "@/lib/domain/money";
import type { OrderIntent, OrderSide, OrderType } from "@/lib/domain/order";
import { createPreTradeGate } from "@/lib/risk/pre-trade-gate";
import { clipToLimits } from "@/lib/risk/sizing/clip-to-limits";
import type { PreTradeContext } from "@/lib/risk/pre-trade-context";
import { NOON_WEDNESDAY } from "../trading/risk-fixtures";
import { GateSimulation, INSTRUMENTS } from "./gate-simulation";

const SYMBOLS = ["BTCUSDT", "ETHUSDT", "SOLUSDT", "DOGEUSDT"];
const MAX_LOTS: Record<string, number> = { BTCUSDT: 40_000, ETHUSDT: 60_000, SOLUSDT: 200_000, DOGEUSDT: 100 };
const STRATEGIES = ["strategy:ensemble", "api:alice", "dashboard:bob"];
const gate = createPreTradeGate();

/** Each limit tight, ordinary or loose, so every check gets to bite. */
const mixedLimits: fc.Arbitrary<RiskLimits> = fc.record({
  maxOrderNotional: fc.constantFrom("5000", "20000", "100000"),
  maxPositionFraction: fc.constantFrom("0.05", "0.2", "1"),
  maxOrderQuantity: fc.constantFrom("5", "100", "100000"),
  maxTotalPositionFraction: fc.constantFrom("0.1", "0.4", "3"),
  maxOpenOrdersNotional: fc.constantFrom("8000", "40000", "500000"),
  priceCollarFraction: fc.constantFrom("0.03", "0.1"),
  duplicateWindowMs: fc.constantFrom(2_000, 30_000),
  maxOrdersPerMinute: fc.constantFrom(4, 30, 1_000),
  maxOrdersPerMinutePerStrategy: fc.constantFrom(2, 10, 1_000),
  allowedSymbols: fc.constantFrom(["BTCUSDT", "ETHUSDT", "SOLUSDT"], ["BTCUSDT", "ETHUSDT"]),
  tradingSessions: fc.constant([{ days: [1, 2, 3, 4, 5], from: "06:00", to: "22:00" }, { days: [5], from: "22:00", to: "02:00" }]),
  perSymbol: fc.constantFrom(undefined, { BTCUSDT: { maxOrderQuantity: "0.1", maxPositionFraction: "0.1" } }),
});

/** Size limits loose enough that buying power is what stops the account. */
const looseLimits: fc.Arbitrary<RiskLimits> = mixedLimits.map((limits) => ({
  ...limits, maxOrderNotional: "150000", maxPositionFraction: "1", maxOrderQuantity: "100000", maxTotalPositionFraction: "3", maxOpenOrdersNotional: "500000", perSymbol: undefined,
}));

const limitsArb = fc.oneof(mixedLimits, looseLimits);

const oneIn = (n: number) => fc.integer({ min: 1, max: n }).map((k) => k === 1);

const orderStep = fc.record({
  kind: fc.constant("order" as const),
  symbol: fc.constantFrom(...SYMBOLS, ...SYMBOLS.slice(0, 2)),
  side: fc.constantFrom<OrderSide>("BUY", "SELL"),
  type: fc.constantFrom<OrderType>("MARKET", "LIMIT", "STOP"),
  size: fc.constantFrom(0.0001, 0.001, 0.01, 0.05, 0.1, 0.2, 0.4, 0.7, 1),
  offGrid: oneIn(12),
  priceFactor: fc.constantFrom(0.9, 0.95, 0.98, 0.99, 1, 1.01, 1.02, 1.05, 1.09),
  strategy: fc.constantFrom(...STRATEGIES),
  repeatLast: oneIn(8),
  afterMs: fc.constantFrom(0, 50, 1_000, 5_000, 20_000),
});
const priceStep = fc.record({ kind: fc.constant("price" as const), symbol: fc.constantFrom(...SYMBOLS.slice(0, 3)), factor: fc.constantFrom(0.8, 0.95, 0.99, 1.01, 1.05, 1.25) });
const fillStep = fc.record({ kind: fc.constant("fill" as const), index: fc.nat() });
const stateStep = fc.record({ kind: fc.constant("state" as const), state: fc.constantFrom<RiskStateName>("ACTIVE", "ACTIVE", "ACTIVE", "REDUCING", "HALTED") });
const clockStep = fc.record({ kind: fc.constant("clock" as const), ms: fc.constantFrom(60_000, 3_600_000, 6 * 3_600_000) });
const stepArb = fc.oneof({ arbitrary: orderStep, weight: 10 }, { arbitrary: priceStep, weight: 2 }, { arbitrary: fillStep, weight: 2 }, stateStep, clockStep);

type OrderStep = ReturnType<typeof orderStep.generate>["value"];

function intentOf(step: OrderStep, sim: GateSimulation, seq: number): OrderIntent {
  const last = sim.accepted.at(-1)?.intent;
  if (step.repeatLast && last !== undefined) return { ...last, clientOrderId: `c-${seq}` };
  const instrument = INSTRUMENTS.get(step.symbol) ?? INSTRUMENTS.get("BTCUSDT")!;
  const lots = Math.max(1, Math.floor(step.size * MAX_LOTS[step.symbol]));
  const quantity = dec(instrument.lotSize).mul(lots).add(step.offGrid ? dec(instrument.lotSize).div(3) : 0);
  const reference = sim.prices.get(step.symbol) ?? 1;
  const price = step.type === "MARKET" ? undefined : priceToDecimal(reference * step.priceFactor, instrument.tickSize).toFixed();
  return { clientOrderId: `c-${seq}`, accountId: "acc-1", symbol: step.symbol, side: step.side, type: step.type, quantity: quantity.toFixed(), price, timeInForce: "GTC", source: "api", strategyId: step.strategy };
}

/** Every limit, recomputed here from the raw state rather than by the checks, for an order the gate approved. */
function assertNoLimitBreached(sim: GateSimulation, context: PreTradeContext, intent: OrderIntent, price: Decimal): void {
  const { limits } = sim;
  const quantity = dec(intent.quantity);
  const signed = intent.side === "BUY" ? quantity : quantity.neg();
  const held = context.positionQuantity;
  const resulting = held.add(signed);
  const symbolLimits = limits.perSymbol?.[intent.symbol] ?? {};
  expect(sim.state).not.toBe("HALTED");
  if (sim.state === "REDUCING") expect(resulting.abs().lt(held.abs()) && (resulting.isZero() || resulting.s === held.s)).toBe(true);
  expect(limits.allowedSymbols ?? [intent.symbol]).toContain(intent.symbol);
  expect(quantity.lte(symbolLimits.maxOrderQuantity ?? limits.maxOrderQuantity ?? Infinity)).toBe(true);
  expect(quantity.mul(price).lte(symbolLimits.maxOrderNotional ?? limits.maxOrderNotional)).toBe(true);
  if (intent.type !== "MARKET") {
    const reference = dec(context.referencePrice!);
    expect(price.sub(reference).abs().lte(reference.mul(limits.priceCollarFraction!))).toBe(true);
  }
  if (resulting.abs().gt(held.abs())) {
    expect(resulting.abs().mul(price).lte(context.equity.mul(symbolLimits.maxPositionFraction ?? limits.maxPositionFraction))).toBe(true);
    expect(context.otherSymbolsExposure!.add(resulting.abs().mul(price)).lte(context.equity.mul(limits.maxTotalPositionFraction!))).toBe(true);
  }
  expect(context.openOrders!.total.add(quantity.mul(price)).lte(limits.maxOpenOrdersNotional!)).toBe(true);
  assertBuyingPower(context, intent.side, held, resulting, price);
  assertHistoryLimits(sim, intent);
}

function assertBuyingPower(context: PreTradeContext, side: OrderSide, held: Decimal, resulting: Decimal, price: Decimal): void {
  const reserved = context.openOrders!.buys;
  if (side === "BUY" && resulting.gt(0)) expect(resulting.sub(Money.max(held, ZERO)).mul(price).lte(context.cash!.sub(reserved))).toBe(true);
  if (side === "SELL" && resulting.lt(held.isNegative() ? held : ZERO)) expect(resulting.abs().mul(price).lte(context.equity.sub(reserved))).toBe(true);
}

function assertHistoryLimits(sim: GateSimulation, intent: OrderIntent): void {
  const { limits, now } = sim;
  const lastMinute = sim.accepted.filter((a) => a.ts > now - 60_000);
  expect(lastMinute.length).toBeLessThan(limits.maxOrdersPerMinute!);
  expect(lastMinute.filter((a) => a.intent.strategyId === intent.strategyId).length).toBeLessThan(limits.maxOrdersPerMinutePerStrategy!);
  const same = (o: OrderIntent) => o.symbol === intent.symbol && o.side === intent.side && dec(o.quantity).eq(intent.quantity) && String(o.price === undefined ? "" : dec(o.price)) === String(intent.price === undefined ? "" : dec(intent.price));
  expect(sim.accepted.some((a) => a.ts >= now - limits.duplicateWindowMs! && same(a.intent))).toBe(false);
}

function priceOf(context: PreTradeContext, intent: OrderIntent): Decimal {
  return intent.price === undefined ? priceToDecimal(context.referencePrice!, context.instrument!.tickSize) : dec(intent.price);
}

describe("pre-trade gate properties", () => {
  it("no approved order ever breaches a limit; HALTED approves nothing; REDUCING only shrinks positions", () => {
    const tally = { approved: 0, refused: new Set<string>(), counts: {} as Record<string, number> };
    fc.assert(
      fc.property(limitsArb, fc.array(stepArb, { minLength: 10, maxLength: 80 }), (limits, steps) => {
        const sim = new GateSimulation(limits, NOON_WEDNESDAY);
        steps.forEach((step, seq) => {
          if (step.kind === "price") sim.movePrice(step.symbol, step.factor);
          else if (step.kind === "fill") sim.fillResting(step.index);
          else if (step.kind === "state") sim.state = step.state;
          else if (step.kind === "clock") sim.now += step.ms;
          else {
            sim.now += step.afterMs;
            const intent = intentOf(step, sim, seq);
            const context = sim.context(intent.symbol);
            const decision = gate(context, intent);
            if (!decision.approved) {
              tally.refused.add(decision.rejection.code);
              tally.counts[decision.rejection.code] = (tally.counts[decision.rejection.code] ?? 0) + 1;
              return;
            }
            tally.approved += 1;
            const price = priceOf(context, intent);
            assertNoLimitBreached(sim, context, intent, price);
            sim.accept(intent, price);
          }
        });
      }),
      { numRuns: 200, seed: 20_261_126 },
    );
    // The property would hold vacuously if the gate refused everything: it must approve and refuse for many reasons.
    expect(tally.approved).toBeGreaterThan(200);
    expect([...tally.refused].sort()).toEqual(expect.arrayContaining([
      "DUPLICATE_ORDER", "INSUFFICIENT_BUYING_POWER", "INVALID_QUANTITY", "KILL_SWITCH_ACTIVE", "MAX_OPEN_ORDERS_NOTIONAL", "MAX_ORDER_NOTIONAL",
      "MAX_ORDER_QUANTITY", "MAX_POSITION", "MAX_TOTAL_POSITION", "ORDER_RATE_LIMIT", "OUTSIDE_TRADING_SESSION", "PRICE_COLLAR", "REDUCE_ONLY",
      "STRATEGY_RATE_LIMIT", "SYMBOL_NOT_ALLOWED", "UNKNOWN_SYMBOL",
    ]));
  });

  it("an order sized by clipToLimits always passes the size checks", () => {
    const sizeCodes = new Set(["MAX_ORDER_QUANTITY", "MAX_ORDER_NOTIONAL", "MAX_POSITION", "MAX_TOTAL_POSITION", "INVALID_QUANTITY"]);
    let sized = 0;
    fc.assert(
      fc.property(limitsArb, fc.array(stepArb, { maxLength: 30 }), orderStep, fc.constantFrom(0.001, 0.3, 2, 40, 1_000, 100_000), (limits, steps, step, wanted) => {
        const sim = new GateSimulation(limits, NOON_WEDNESDAY);
        for (const s of steps) if (s.kind === "order") {
          const intent = intentOf(s, sim, 0);
          const context = sim.context(intent.symbol);
          if (gate(context, intent).approved) sim.accept(intent, priceOf(context, intent));
        }
        const intent = intentOf({ ...step, repeatLast: false }, sim, 1);
        const context = sim.context(intent.symbol);
        if (context.instrument === undefined) return;
        const quantity = clipToLimits(context, intent.side, dec(wanted), priceOf(context, intent));
        if (quantity.isZero()) return;
        sized += 1;
        const decision = gate(context, { ...intent, quantity: quantity.toFixed() });
        if (!decision.approved) expect(sizeCodes.has(decision.rejection.code)).toBe(false);
      }),
      { numRuns: 300, seed: 7 },
    );
    expect(sized).toBeGreaterThan(80);
  });
});
