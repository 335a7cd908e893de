import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Bar, BarInterval, Tick } from "@/lib/domain/market-data";
import { BarAggregator } from "@/lib/market/bar-aggregator";

function tick(ts: number, price: number, size = 1, symbol = "BTCUSDT"): Tick {
  return { symbol, ts, price, size, side: "buy", seq: 0 };
}

function collect(intervals?: BarInterval[]) {
  const closed: Bar[] = [];
  const aggregator = new BarAggregator({ intervals, onBarClosed: (bar) => closed.push(bar) });
  const of = (interval: BarInterval, symbol = "BTCUSDT") => closed.filter((bar) => bar.interval === interval && bar.symbol === symbol);
  return { aggregator, closed, of };
}

const T0 = Date.UTC(2024, 0, 1, 10, 0, 0);

describe("BarAggregator", () => {
  it.each([
    ["1s", 1_000],
    ["1m", 60_000],
    ["5m", 300_000],
    ["1h", 3_600_000],
  ] as const)("builds %s OHLCV and closes the bar when a tick lands in a later bucket", (interval, ms) => {
    const { aggregator, of } = collect([interval]);
    aggregator.onTick(tick(T0 + 1, 100, 1));
    aggregator.onTick(tick(T0 + ms / 3, 105, 2));
    aggregator.onTick(tick(T0 + ms / 2, 95, 3));
    aggregator.onTick(tick(T0 + ms - 1, 101, 4));
    expect(of(interval)).toHaveLength(0);
    aggregator.onTick(tick(T0 + ms, 110, 5));
    expect(of(interval)).toEqual([
      { symbol: "BTCUSDT", interval, openTime: T0, open: 100, high: 105, low: 95, close: 101, volume: 10, trades: 4, closed: true },
    ]);
    expect(aggregator.current("BTCUSDT", interval)).toEqual({
      symbol: "BTCUSDT", interval, openTime: T0 + ms, open: 110, high: 110, low: 110, close: 110, volume: 5, trades: 1, closed: false,
    });
  });

  it("aligns bars to interval boundaries and skips empty buckets instead of inventing bars", () => {
    const { aggregator, of } = collect(["1m"]);
    aggregator.onTick(tick(T0 + 30_000, 1));
    aggregator.onTick(tick(T0 + 5 * 60_000 + 59_999, 2));
    aggregator.flush();
    expect(of("1m").map((bar) => bar.openTime)).toEqual([T0, T0 + 5 * 60_000]);
  });

  it("current() returns a copy that later ticks do not change", () => {
    const { aggregator } = collect(["1m"]);
    aggregator.onTick(tick(T0, 100));
    const snapshot = aggregator.current("BTCUSDT", "1m");
    aggregator.onTick(tick(T0 + 1, 120));
    expect(snapshot?.high).toBe(100);
    expect(aggregator.current("BTCUSDT", "1m")?.high).toBe(120);
    expect(aggregator.current("BTCUSDT", "1h")).toBeUndefined();
    expect(aggregator.current("ETHUSDT", "1m")).toBeUndefined();
  });

  it("closeDue closes quiet bars once their interval has ended, and only those", () => {
    const { aggregator, of } = collect(["1s", "1m"]);
    aggregator.onTick(tick(T0 + 500, 100));
    expect(aggregator.closeDue(T0 + 999)).toEqual([]);
    const closed = aggregator.closeDue(T0 + 1_000);
    expect(closed.map((bar) => bar.interval)).toEqual(["1s"]);
    expect(of("1s")).toHaveLength(1);
    expect(aggregator.current("BTCUSDT", "1s")).toBeUndefined();
    expect(aggregator.current("BTCUSDT", "1m")?.close).toBe(100);
    aggregator.closeDue(T0 + 60_000);
    expect(of("1m")).toHaveLength(1);
    // A straggler for an already closed bucket must not re-open it and emit a duplicate bar.
    aggregator.onTick(tick(T0 + 700, 99));
    aggregator.flush();
    expect(of("1s")).toHaveLength(1);
    expect(of("1m")).toHaveLength(1);
    expect(aggregator.stats().lateTicks).toBe(1);
  });

  it("ignores ticks older than the current bar, counts them, and never throws", () => {
    const { aggregator, of } = collect(["1s", "1m"]);
    aggregator.onTick(tick(T0 + 100, 100));
    aggregator.onTick(tick(T0 + 1_100, 101));
    aggregator.onTick(tick(T0 + 200, 50)); // late for 1s (bar T0 closed), inside the current 1m bar
    aggregator.flush();
    expect(of("1s").map((bar) => [bar.openTime, bar.low, bar.trades])).toEqual([
      [T0, 100, 1],
      [T0 + 1_000, 101, 1],
    ]);
    const [minute] = of("1m");
    expect(minute).toMatchObject({ open: 100, low: 50, close: 101, trades: 3 });
    expect(aggregator.stats()).toEqual({ ticks: 3, lateTicks: 1, barsClosed: 3 });
  });

  it("keeps open and close by exchange time when ticks arrive out of order within a bar", () => {
    const { aggregator } = collect(["1m"]);
    aggregator.onTick(tick(T0 + 20_000, 102));
    aggregator.onTick(tick(T0 + 40_000, 104));
    aggregator.onTick(tick(T0 + 10_000, 101)); // earlier than the first: becomes the open
    aggregator.onTick(tick(T0 + 30_000, 103)); // earlier than the last: does not become the close
    expect(aggregator.current("BTCUSDT", "1m")).toMatchObject({ open: 101, close: 104, high: 104, low: 101, trades: 4 });
  });

  it("keeps symbols isolated", () => {
    const { aggregator, of } = collect(["1m"]);
    aggregator.onTick(tick(T0, 100, 1, "BTCUSDT"));
    aggregator.onTick(tick(T0 + 1, 10, 7, "ETHUSDT"));
    aggregator.onTick(tick(T0 + 60_000, 200, 1, "ETHUSDT"));
    expect(of("1m", "ETHUSDT")).toEqual([expect.objectContaining({ open: 10, close: 10, volume: 7, trades: 1 })]);
    expect(of("1m", "BTCUSDT")).toEqual([]);
    expect(aggregator.current("BTCUSDT", "1m")).toMatchObject({ open: 100, volume: 1 });
  });

  it("flush closes every open bar once and returns them", () => {
    const { aggregator, closed } = collect(["1s", "1m", "5m", "1h"]);
    aggregator.onTick(tick(T0, 100));
    const flushed = aggregator.flush();
    expect(flushed.map((bar) => bar.interval)).toEqual(["1s", "1m", "5m", "1h"]);
    expect(flushed.every((bar) => bar.closed)).toBe(true);
    expect(closed).toEqual(flushed);
    expect(aggregator.flush()).toEqual([]);
  });
});

type Ohlcv = Pick<Bar, "openTime" | "open" | "high" | "low" | "close" | "volume" | "trades">;

function naiveGroup(items: { time: number; open: number; high: number; low: number; close: number; volume: number; trades: number }[], ms: number): Ohlcv[] {
  const groups = new Map<number, Ohlcv>();
  for (const item of items) {
    const openTime = Math.floor(item.time / ms) * ms;
    const bar = groups.get(openTime);
    if (!bar) groups.set(openTime, { openTime, open: item.open, high: item.high, low: item.low, close: item.close, volume: item.volume, trades: item.trades });
    else Object.assign(bar, { high: Math.max(bar.high, item.high), low: Math.min(bar.low, item.low), close: item.close, volume: bar.volume + item.volume, trades: bar.trades + item.trades });
  }
  return [...groups.values()];
}

const strip = ({ openTime, open, high, low, close, volume, trades }: Bar): Ohlcv => ({ openTime, open, high, low, close, volume, trades });

describe("BarAggregator properties", () => {
  it("1m bars equal a group-by of the ticks, and 5m bars equal aggregating the 1m bars", () => {
    const stream = fc.array(fc.record({ gap: fc.integer({ min: 0, max: 200_000 }), cents: fc.integer({ min: 1, max: 1_000_000 }), size: fc.integer({ min: 1, max: 1_000 }) }), { minLength: 1, maxLength: 300 });
    fc.assert(
      fc.property(stream, fc.integer({ min: 0, max: 10_000_000 }), (rows, offset) => {
        let ts = T0 + offset;
        const ticks = rows.map((row) => tick((ts += row.gap), row.cents / 100, row.size));
        const { aggregator, of } = collect(["1m", "5m"]);
        for (const t of ticks) aggregator.onTick(t);
        aggregator.flush();
        const minutes = of("1m").map(strip);
        const asBars = ticks.map((t) => ({ time: t.ts, open: t.price, high: t.price, low: t.price, close: t.price, volume: t.size, trades: 1 }));
        expect(minutes).toEqual(naiveGroup(asBars, 60_000));
        expect(of("5m").map(strip)).toEqual(naiveGroup(minutes.map((bar) => ({ ...bar, time: bar.openTime })), 300_000));
      }),
      { numRuns: 200 },
    );
  });
});

describe("BarAggregator throughput", () => {
  it("aggregates well over 200,000 ticks per second into all four intervals", () => {
    const symbols = ["BTCUSDT", "ETHUSDT", "SOLUSDT"];
    const ticks = Array.from({ length: 300_000 }, (_, i) => tick(T0 + i * 7, 100 + (i % 13), 1, symbols[i % 3]));
    let closed = 0;
    const aggregator = new BarAggregator({ onBarClosed: () => closed++ });
    const started = performance.now();
    for (const t of ticks) aggregator.onTick(t);
    const seconds = (performance.now() - started) / 1000;
    expect(closed).toBeGreaterThan(0);
    expect(ticks.length / seconds).toBeGreaterThan(200_000);
  });
});
