import { describe, expect, it } from "vitest";
import type { Tick } from "@/lib/domain/market-data";
import { createSimGenerator, type SimGeneratorConfig } from "@/lib/market/sim-generator";
import { simInstrumentsFor, type SimInstrument } from "@/lib/market/sim-instruments";
import type { SimRegime } from "@/lib/market/sim-regimes";

const START = Date.UTC(2024, 0, 1);
const BASE: SimGeneratorConfig = { seed: 7, instruments: simInstrumentsFor(), startTime: START, meanTicksPerSecond: 50 };

function take(config: SimGeneratorConfig, count: number): Tick[] {
  const generator = createSimGenerator(config);
  return Array.from({ length: count }, () => generator.next());
}

function onGrid(value: number, increment: number): boolean {
  const steps = value / increment;
  return Math.abs(steps - Math.round(steps)) < 1e-6;
}

describe("createSimGenerator", () => {
  it("is deterministic: the same seed gives the same ticks, another seed different ones", () => {
    const a = take(BASE, 5_000);
    expect(take(BASE, 5_000)).toEqual(a);
    const b = take({ ...BASE, seed: 8 }, 5_000);
    expect(b.map((t) => t.price)).not.toEqual(a.map((t) => t.price));
  });

  it("prices sit on the tick grid and stay positive; sizes are whole lots of at least one lot", () => {
    const ticks = take(BASE, 30_000);
    const bySymbol = new Map(simInstrumentsFor().map((i) => [i.symbol, { tick: Number(i.tickSize), lot: Number(i.lotSize) }]));
    const bad = ticks.filter((t) => {
      const spec = bySymbol.get(t.symbol)!;
      // Rounded to the increment's decimals, so prices print clean (no 3199.9900000000002).
      const decimals = String(t.price).split(".")[1]?.length ?? 0;
      return !(t.price > 0) || !onGrid(t.price, spec.tick) || decimals > 2 || t.size < spec.lot || !onGrid(t.size, spec.lot);
    });
    expect(bad).toEqual([]);
    expect(new Set(ticks.map((t) => t.symbol))).toEqual(new Set(["BTCUSDT", "ETHUSDT", "SOLUSDT"]));
  });

  it("keeps time monotonic, near the requested rate, with per-symbol seq 1, 2, 3...", () => {
    const ticks = take(BASE, 50_000);
    const seqs = new Map<string, number>();
    const problems: string[] = [];
    for (let i = 0; i < ticks.length; i++) {
      if (i > 0 && ticks[i].ts < ticks[i - 1].ts) problems.push(`time goes back at ${i}`);
      if (ticks[i].seq !== (seqs.get(ticks[i].symbol) ?? 0) + 1) problems.push(`seq gap at ${i}`);
      seqs.set(ticks[i].symbol, ticks[i].seq);
    }
    expect(problems).toEqual([]);
    const rate = ticks.length / ((ticks[ticks.length - 1].ts - START) / 1000);
    expect(rate).toBeGreaterThan(25);
    expect(rate).toBeLessThan(100);
  });

  it("starts at the configured prices", () => {
    const first = new Map<string, number>();
    for (const t of take(BASE, 200)) if (!first.has(t.symbol)) first.set(t.symbol, t.price);
    expect(first.get("BTCUSDT")).toBeCloseTo(65_000, -2);
    expect(first.get("ETHUSDT")).toBeCloseTo(3_200, -1);
    expect(first.get("SOLUSDT")).toBeCloseTo(150, 0);
  });

  it("has heavy-tailed sizes and buys that mostly coincide with upticks", () => {
    const sol: SimInstrument = { symbol: "SOLUSDT", startPrice: 150, tickSize: "0.01", lotSize: "0.01" };
    const ticks = take({ ...BASE, instruments: [sol] }, 20_000);
    const sizes = ticks.map((t) => t.size).sort((x, y) => x - y);
    expect(sizes[Math.floor(sizes.length * 0.99)] / sizes[Math.floor(sizes.length / 2)]).toBeGreaterThan(8);
    let upticks = 0;
    let upBuys = 0;
    for (let i = 1; i < ticks.length; i++) {
      if (ticks[i].price > ticks[i - 1].price) {
        upticks++;
        if (ticks[i].side === "buy") upBuys++;
      }
    }
    expect(upBuys / upticks).toBeGreaterThan(0.7);
  });
});

describe("createSimGenerator volatility", () => {
  const btc: SimInstrument = { symbol: "BTCUSDT", startPrice: 65_000, tickSize: "0.1", lotSize: "0.0001", annualVolatility: 0.8 };

  it("realises an annualised volatility close to the configured one", () => {
    const ticks = take({ ...BASE, instruments: [btc], meanTicksPerSecond: 10 }, 300_000);
    const closes = new Map<number, number>();
    for (const t of ticks) closes.set(Math.floor(t.ts / 60_000), t.price);
    const prices = [...closes.values()];
    const returns = prices.slice(1).map((p, i) => Math.log(p / prices[i]));
    const mean = returns.reduce((a, b) => a + b, 0) / returns.length;
    const variance = returns.reduce((a, b) => a + (b - mean) ** 2, 0) / (returns.length - 1);
    const annualised = Math.sqrt(variance * 365 * 24 * 60);
    expect(annualised).toBeGreaterThan(0.5);
    expect(annualised).toBeLessThan(1.2);
  });

  it("switches between calm, normal and turbulent regimes, and turbulent moves more", () => {
    const generator = createSimGenerator({ ...BASE, instruments: [btc], meanTicksPerSecond: 10, meanRegimeSeconds: { calm: 120, normal: 120, turbulent: 60 } });
    const variance: Record<SimRegime, { squared: number; ms: number }> = { calm: { squared: 0, ms: 0 }, normal: { squared: 0, ms: 0 }, turbulent: { squared: 0, ms: 0 } };
    let previous = generator.next();
    for (let i = 0; i < 100_000; i++) {
      const current = generator.next();
      const bucket = variance[generator.regime()];
      bucket.squared += Math.log(current.price / previous.price) ** 2;
      bucket.ms += current.ts - previous.ts;
      previous = current;
    }
    expect(generator.regimeSwitches()).toBeGreaterThan(20);
    for (const regime of ["calm", "normal", "turbulent"] as const) expect(variance[regime].ms).toBeGreaterThan(0);
    const volPerMs = (r: SimRegime) => Math.sqrt(variance[r].squared / variance[r].ms);
    expect(volPerMs("turbulent") / volPerMs("calm")).toBeGreaterThan(2.5);
    expect(volPerMs("normal")).toBeGreaterThan(volPerMs("calm"));
  });
});
