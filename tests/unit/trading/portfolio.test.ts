import { describe, expect, it } from "vitest";
import { Portfolio } from "@/lib/portfolio/portfolio";
import { BTC, ETH, fill } from "./fixtures";

function expectIdentity(p: Portfolio): void {
  expect(p.equity().eq(p.cash().add(p.positionViews("a").reduce((s, v) => s.add(v.marketValue), p.cash().mul(0))))).toBe(true);
  const initial = p.snapshot().initialCash;
  expect(p.equity().eq(p.realizedPnl().add(p.unrealizedPnl()).sub(p.fees()).add(initial))).toBe(true);
}

describe("portfolio accounting", () => {
  it("adds to a long, reduces it, flips it short and closes it, to the cent", () => {
    const p = new Portfolio({ initialCash: "10000", instruments: [BTC] });
    p.applyFill(fill("BUY", "2", "100", "0.2"));
    p.applyFill(fill("BUY", "1", "103", "0.1"));
    expect(p.cash().toFixed()).toBe("9696.7");
    expect(p.positionViews("a")[0]).toMatchObject({ quantity: "3", averagePrice: "101", markPrice: null, unrealizedPnl: "0" });

    p.mark("BTCUSDT", 110);
    expect(p.equity().toFixed()).toBe("10026.7");
    expect(p.unrealizedPnl().toFixed()).toBe("27");
    expectIdentity(p);

    p.applyFill(fill("SELL", "1", "105", "0.1")); // realizes 105 - 101
    expect(p.realizedPnl().toFixed()).toBe("4");
    expect(p.positionViews("a")[0]).toMatchObject({ quantity: "2", averagePrice: "101" });

    p.applyFill(fill("SELL", "3", "99", "0.3")); // closes 2 at a 2-point loss each, opens 1 short at 99
    expect(p.realizedPnl().toFixed()).toBe("0");
    expect(p.cash().toFixed()).toBe("10098.3");
    p.mark("BTCUSDT", 95);
    expect(p.positionViews("a")[0]).toMatchObject({ quantity: "-1", averagePrice: "99", marketValue: "-95", unrealizedPnl: "4" });
    expect(p.equity().toFixed()).toBe("10003.3");
    expectIdentity(p);

    p.applyFill(fill("BUY", "1", "90", "0.09")); // short covered 9 lower
    expect(p.realizedPnl().toFixed()).toBe("9");
    expect(p.fees().toFixed()).toBe("0.79");
    expect(p.cash().toFixed()).toBe("10008.21");
    expect(p.equity().toFixed()).toBe("10008.21");
    expect(p.positionViews("a")).toEqual([]);
    expect(p.positionViews("a", { includeFlat: true })[0]).toMatchObject({ quantity: "0", realizedPnl: "9", marketValue: "0" });
  });

  it("a short profits when the price falls", () => {
    const p = new Portfolio({ initialCash: "1000" });
    p.applyFill(fill("SELL", "2", "50", "0"));
    expect(p.cash().toFixed()).toBe("1100");
    p.mark("BTCUSDT", 40);
    expect(p.unrealizedPnl().toFixed()).toBe("20");
    expect(p.equity().toFixed()).toBe("1020");
    p.applyFill(fill("BUY", "0.5", "40", "0"));
    expect(p.realizedPnl().toFixed()).toBe("5");
    expect(p.positionQuantity("BTCUSDT").toFixed()).toBe("-1.5");
    expectIdentity(p);
  });

  it("keeps books exact when the average price is a repeating decimal", () => {
    const p = new Portfolio({ initialCash: "1000" });
    p.applyFill(fill("BUY", "1", "100", "0"));
    p.applyFill(fill("BUY", "2", "101", "0"));
    expect(p.positionViews("a")[0]?.averagePrice).toBe("100.666666666667");
    p.applyFill(fill("SELL", "1", "102", "0"));
    p.mark("BTCUSDT", 101.5);
    expectIdentity(p);
    p.applyFill(fill("SELL", "2", "99", "0"));
    // bought 1*100 + 2*101 = 302, sold 102 + 198 = 300: exactly -2 realized, nothing lost to rounding
    expect(p.realizedPnl().toFixed()).toBe("-2");
    expect(p.equity().toFixed()).toBe("998");
  });

  it("values an unmarked position at its average price, and marks on the tick grid", () => {
    const p = new Portfolio({ initialCash: "0", instruments: [ETH] });
    p.applyFill(fill("BUY", "1", "3000.25", "0", "ETHUSDT"));
    expect(p.equity().toFixed()).toBe("0");
    p.mark("ETHUSDT", 3000.2600000000002);
    expect(p.markPrice("ETHUSDT")?.toFixed()).toBe("3000.26");
    expect(p.unrealizedPnl().toFixed()).toBe("0.01");
    p.mark("ETHUSDT", Number.NaN); // a bad print does not revalue the book
    expect(p.markPrice("ETHUSDT")?.toFixed()).toBe("3000.26");
  });

  it("builds the account view with today's P&L", () => {
    const p = new Portfolio({ initialCash: "10000", currency: "USDT" });
    p.applyFill(fill("BUY", "1", "100", "0.05"));
    p.mark("BTCUSDT", 120, 7_777);
    expect(p.accountView("acc-1", "9990")).toEqual({
      accountId: "acc-1",
      currency: "USDT",
      cash: "9899.95",
      equity: "10019.95",
      unrealizedPnl: "20",
      realizedPnl: "0",
      fees: "0.05",
      startOfDayEquity: "9990",
      todayPnl: "29.95",
      updatedAt: 7_777,
    });
  });

  it("snapshots to plain JSON and restores to the same books", () => {
    const p = new Portfolio({ initialCash: "5000" });
    p.applyFill(fill("BUY", "3", "10.5", "0.01"));
    p.applyFill(fill("SELL", "1", "11", "0.01", "ETHUSDT"));
    p.mark("BTCUSDT", 12);
    const json = JSON.parse(JSON.stringify(p.snapshot())) as ReturnType<Portfolio["snapshot"]>;
    const q = new Portfolio({ initialCash: "0" });
    q.restore(json);
    expect(q.snapshot()).toEqual(p.snapshot());
    expect(q.accountView("a", "5000")).toEqual(p.accountView("a", "5000"));
    const next = fill("SELL", "3", "13", "0.02");
    p.applyFill(next);
    q.applyFill(next);
    expect(q.snapshot()).toEqual(p.snapshot());
  });

  it("refuses a fill without a positive quantity and price", () => {
    const p = new Portfolio({ initialCash: "1" });
    expect(() => p.applyFill(fill("BUY", "0", "1"))).toThrow(RangeError);
    expect(() => p.applyFill(fill("BUY", "1", "-1"))).toThrow(RangeError);
    expect(p.cash().toFixed()).toBe("1");
  });
});
