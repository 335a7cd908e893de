import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_INSTRUMENTS } from "@/lib/domain/instrument";
import { dec, ZERO } from "@/lib/domain/money";
import type { Fill } from "@/lib/domain/order";
import { Portfolio } from "@/lib/portfolio/portfolio";

const fillStep = fc.record({
  kind: fc.constant("fill" as const),
  symbol: fc.nat({ max: DEFAULT_INSTRUMENTS.length - 1 }),
  side: fc.constantFrom<Fill["side"]>("BUY", "SELL"),
  lots: fc.integer({ min: 1, max: 50_000 }),
  ticks: fc.integer({ min: 1, max: 10_000_000 }),
  feeBps: fc.integer({ min: -3, max: 60 }),
});

const markStep = fc.record({
  kind: fc.constant("mark" as const),
  symbol: fc.nat({ max: DEFAULT_INSTRUMENTS.length - 1 }),
  ticks: fc.integer({ min: 1, max: 10_000_000 }),
  noise: fc.double({ min: -1e-9, max: 1e-9, noNaN: true }),
});

describe("portfolio property", () => {
  it("stays exact for any sequence of fills and marks", () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fillStep, markStep), { maxLength: 60 }), fc.integer({ min: 0, max: 10_000_000 }), (steps, cash) => {
        const p = new Portfolio({ initialCash: cash, instruments: DEFAULT_INSTRUMENTS });
        const signedSum = new Map<string, ReturnType<typeof dec>>();
        let expectedCash = dec(cash);
        steps.forEach((step, i) => {
          const instrument = DEFAULT_INSTRUMENTS[step.symbol]!;
          const price = dec(step.ticks).mul(instrument.tickSize);
          if (step.kind === "mark") {
            p.mark(instrument.symbol, price.toNumber() * (1 + step.noise));
            return;
          }
          const qty = dec(step.lots).mul(instrument.lotSize);
          const fee = qty.mul(price).mul(step.feeBps).div(10_000);
          const signed = step.side === "BUY" ? qty : qty.neg();
          p.applyFill({
            id: `f${i}`, orderId: `o${i}`, clientOrderId: `c${i}`, accountId: "a", symbol: instrument.symbol, side: step.side,
            quantity: qty.toFixed(), price: price.toFixed(), fee: fee.toFixed(), liquidity: "TAKER", ts: i,
          });
          signedSum.set(instrument.symbol, (signedSum.get(instrument.symbol) ?? ZERO).add(signed));
          expectedCash = expectedCash.sub(signed.mul(price)).sub(fee);
        });

        const views = p.positionViews("a", { includeFlat: true });
        const marketValue = views.reduce((sum, v) => sum.add(v.marketValue), ZERO);
        expect(p.cash().eq(expectedCash)).toBe(true);
        expect(p.equity().eq(p.cash().add(marketValue))).toBe(true);
        expect(p.equity().eq(dec(cash).add(p.realizedPnl()).add(p.unrealizedPnl()).sub(p.fees()))).toBe(true);
        for (const instrument of DEFAULT_INSTRUMENTS) {
          expect(p.positionQuantity(instrument.symbol).eq(signedSum.get(instrument.symbol) ?? ZERO)).toBe(true);
        }
      }),
      { numRuns: 400 },
    );
  });

  it("realizes exactly the cash made once every position is flat", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 1, max: 100_000 })), { minLength: 1, maxLength: 20 }), (trades) => {
        const p = new Portfolio({ initialCash: "0" });
        let held = ZERO;
        trades.forEach(([lots, ticks], i) => {
          const side = i % 2 === 0 ? "BUY" : "SELL";
          p.applyFill({ id: `f${i}`, orderId: "o", clientOrderId: "c", accountId: "a", symbol: "X", side, quantity: String(lots), price: dec(ticks).div(100).toFixed(), fee: "0", liquidity: "MAKER", ts: i });
          held = held.add(side === "BUY" ? lots : -lots);
        });
        if (!held.isZero()) {
          p.applyFill({ id: "close", orderId: "o", clientOrderId: "c", accountId: "a", symbol: "X", side: held.isPositive() ? "SELL" : "BUY", quantity: held.abs().toFixed(), price: "7.77", fee: "0", liquidity: "TAKER", ts: 99 });
        }
        expect(p.positionQuantity("X").isZero()).toBe(true);
        expect(p.realizedPnl().eq(p.cash())).toBe(true);
        expect(p.unrealizedPnl().isZero()).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
