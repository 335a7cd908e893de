import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { Bar, Tick } from "@/lib/domain/market-data";
import { BarAggregator } from "@/lib/market/bar-aggregator";
import { readBacktestingCsv } from "@/lib/market/replay/backtesting-csv";
import { loadRecording } from "@/lib/market/replay/detect-format";
import { readFreqtradeCandles } from "@/lib/market/replay/freqtrade-candles";
import { readFreqtradeTrades } from "@/lib/market/replay/freqtrade-trades";
import { ReplayFeed } from "@/lib/market/replay-feed";

const T0 = Date.UTC(2024, 2, 1, 12, 0, 0);
const TRADES = [
  [T0 + 500, "1", null, "buy", 10.5, 2, 21],
  [T0 + 1_500, "2", null, "sell", 10.4, 1.5, 15.6],
  [T0 + 61_000, "3", null, "buy", 10.6, 3, 31.8],
];
const CANDLES = [
  [T0, 10, 11, 9, 10.5, 8],
  [T0 + 60_000, 10.5, 10.6, 10, 10.1, 4],
  [T0 + 180_000, 10.1, 10.2, 10.1, 10.2, 0],
];
const CSV_DAILY = ",Open,High,Low,Close,Volume\n2004-08-19,100,104.06,95.96,100.34,22351900\n2004-08-20,101.01,109.08,100.5,108.31,11428600\n2004-08-23,110.75,113.48,109.05,109.4,9137200\n";
const CSV_HOURLY = ",Open,High,Low,Close,Volume\r\n2017-04-19 09:00:00,1.0716,1.0722,1.07083,1.07219,1413\r\n2017-04-19 10:00:00,1.07214,1.07296,1.07214,1.0726,1241\r\n";

let dir = "";
const file = (name: string, content: string | Buffer) => {
  const target = path.join(dir, name);
  writeFileSync(target, content);
  return target;
};

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "replay-test-"));
});

afterEach(() => {
  vi.useRealTimers();
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe("replay readers", () => {
  it("reads freqtrade trades, plain and gzipped, as the same trades", async () => {
    const expected = [
      { ts: T0 + 500, price: 10.5, size: 2, side: "buy" },
      { ts: T0 + 1_500, price: 10.4, size: 1.5, side: "sell" },
      { ts: T0 + 61_000, price: 10.6, size: 3, side: "buy" },
    ];
    expect(await readFreqtradeTrades(file("t-trades.json", JSON.stringify(TRADES)))).toEqual(expected);
    expect(await readFreqtradeTrades(file("t-trades.json.gz", gzipSync(JSON.stringify(TRADES))))).toEqual(expected);
    // Gzip is detected by its magic bytes, not only by the name.
    expect(await loadRecording(file("t-trades.bin", gzipSync(JSON.stringify(TRADES))))).toEqual({ kind: "trades", trades: expected });
  });

  it("reads freqtrade candles and infers the interval from the median spacing despite a gap", async () => {
    const target = file("c-1m.json", JSON.stringify(CANDLES));
    const bars = await readFreqtradeCandles(target);
    expect(bars[1]).toEqual({ openTime: T0 + 60_000, open: 10.5, high: 10.6, low: 10, close: 10.1, volume: 4 });
    expect(await loadRecording(target)).toEqual({ kind: "bars", bars, intervalMs: 60_000 });
  });

  it("reads mark-price candles whose volume is null as volume 0", async () => {
    const bars = await readFreqtradeCandles(file("mark-1h.json", JSON.stringify([[T0, 1.2, 1.3, 1.1, 1.25, null]])));
    expect(bars).toEqual([{ openTime: T0, open: 1.2, high: 1.3, low: 1.1, close: 1.25, volume: 0 }]);
    // One candle has no spacing; the freqtrade file name gives the timeframe.
    expect(await loadRecording(file("mark-1h.json", JSON.stringify([[T0, 1.2, 1.3, 1.1, 1.25, null]])))).toMatchObject({ intervalMs: 3_600_000 });
  });

  it("reads backtesting.py CSV with naive dates as UTC, daily and hourly", async () => {
    const daily = await readBacktestingCsv(file("goog.csv", CSV_DAILY));
    expect(daily.map((bar) => new Date(bar.openTime).toISOString())).toEqual(["2004-08-19T00:00:00.000Z", "2004-08-20T00:00:00.000Z", "2004-08-23T00:00:00.000Z"]);
    expect(daily[0]).toMatchObject({ open: 100, high: 104.06, low: 95.96, close: 100.34, volume: 22351900 });
    const recording = await loadRecording(file("eurusd.csv", CSV_HOURLY));
    expect(recording.kind === "bars" && recording.intervalMs).toBe(3_600_000);
    expect(recording.kind === "bars" && recording.bars[1].openTime).toBe(Date.UTC(2017, 3, 19, 10));
    expect((await loadRecording(file("goog2.csv", CSV_DAILY))).kind === "bars").toBe(true);
  });

  it("rejects malformed rows naming the file and row", async () => {
    const badSide = file("bad-side.json", JSON.stringify([TRADES[0], [T0, "2", null, "hold", 1, 1, 1]]));
    await expect(loadRecording(badSide)).rejects.toThrow(`${badSide}: row 2: side must be "buy" or "sell", got "hold"`);
    const badPrice = file("bad-price.json", JSON.stringify([TRADES[0], TRADES[1], [T0, "3", null, "buy", "x", 1, 1]]));
    await expect(readFreqtradeTrades(badPrice)).rejects.toThrow(/bad-price\.json: row 3: price must be a positive number/);
    const badOhlc = file("bad-ohlc.json", JSON.stringify([CANDLES[0], [T0 + 60_000, 10, 9, 8, 10.5, 1]]));
    await expect(loadRecording(badOhlc)).rejects.toThrow(/bad-ohlc\.json: row 2: inconsistent OHLC/);
    const badCsv = file("bad.csv", CSV_DAILY.replace("101.01", "abc"));
    await expect(loadRecording(badCsv)).rejects.toThrow(/bad\.csv: row 3: Open is not a number: "abc"/);
    const badDate = file("bad-date.csv", CSV_DAILY.replace("2004-08-20", "2004-02-30"));
    await expect(loadRecording(badDate)).rejects.toThrow(/bad-date\.csv: row 3: date must be/);
    const unordered = file("unordered.csv", CSV_DAILY.replace("2004-08-23", "2004-08-18"));
    await expect(loadRecording(unordered)).rejects.toThrow(/unordered\.csv: row 4: date is not after/);
  });

  it("rejects files it cannot recognise instead of guessing", async () => {
    await expect(loadRecording(file("notes.txt", "hello\n"))).rejects.toThrow(/notes\.txt: unrecognised format/);
    await expect(loadRecording(file("empty.json", "[]"))).rejects.toThrow(/empty\.json: recording has no rows/);
    await expect(loadRecording(file("fake.json.gz", "[]"))).rejects.toThrow(/fake\.json\.gz: named \.gz but is not gzip data/);
    await expect(loadRecording(file("broken.json", "[[1,2"))).rejects.toThrow(/broken\.json: invalid JSON/);
  });
});

async function replayAll(feed: ReplayFeed): Promise<Tick[]> {
  const ticks: Tick[] = [];
  await feed.start((tick) => ticks.push(tick));
  expect(await feed.done()).toBe("finished");
  return ticks;
}

describe("ReplayFeed", () => {
  it("replays trades at speed Infinity with recorded times and seq 1..n, then finishes", async () => {
    const feed = new ReplayFeed({ file: file("r-trades.json", JSON.stringify(TRADES)), symbol: "XRPETH", speed: Infinity });
    const ticks = await replayAll(feed);
    expect(ticks).toEqual([
      { symbol: "XRPETH", ts: T0 + 500, price: 10.5, size: 2, side: "buy", seq: 1 },
      { symbol: "XRPETH", ts: T0 + 1_500, price: 10.4, size: 1.5, side: "sell", seq: 2 },
      { symbol: "XRPETH", ts: T0 + 61_000, price: 10.6, size: 3, side: "buy", seq: 3 },
    ]);
    expect(feed.status()).toEqual({ name: "replay:r-trades.json", kind: "replay", state: "finished", symbols: ["XRPETH"], lastTickAt: T0 + 61_000, ticks: 3 });
  });

  it("replays each bar as open, low/high in plausible order, close, within the bar, and rebuilds the bars", async () => {
    const ticks = await replayAll(new ReplayFeed({ file: file("r-1m.json", JSON.stringify(CANDLES)), symbol: "X", speed: 0 }));
    expect(ticks.slice(0, 8).map((t) => [t.ts - T0, t.price, t.size])).toEqual([
      [0, 10, 2], [15_000, 9, 2], [30_000, 11, 2], [45_000, 10.5, 2], // up bar: low before high
      [60_000, 10.5, 1], [75_000, 10.6, 1], [90_000, 10, 1], [105_000, 10.1, 1], // down bar: high before low
    ]);
    expect(ticks).toHaveLength(12);
    const bars: Bar[] = [];
    const aggregator = new BarAggregator({ intervals: ["1m"], onBarClosed: (bar) => bars.push(bar) });
    ticks.forEach((t) => aggregator.onTick(t));
    aggregator.flush();
    expect(bars.map((b) => [b.openTime - T0, b.open, b.high, b.low, b.close, b.volume])).toEqual(CANDLES.map(([t, ...rest]) => [t - T0, ...rest]));
  });

  it("paces ticks by recorded time divided by speed", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date"] });
    const trades = [[T0, "1", null, "buy", 1, 1, 1], [T0 + 1_000, "2", null, "buy", 2, 1, 2], [T0 + 5_000, "3", null, "sell", 3, 1, 3]];
    const feed = new ReplayFeed({ file: file("paced.json", JSON.stringify(trades)), symbol: "X", speed: 10 });
    const prices: number[] = [];
    await feed.start((tick) => prices.push(tick.price));
    await vi.advanceTimersByTimeAsync(1);
    expect(prices).toEqual([1]);
    await vi.advanceTimersByTimeAsync(100);
    expect(prices).toEqual([1, 2]);
    await vi.advanceTimersByTimeAsync(350);
    expect(prices).toEqual([1, 2]);
    expect(feed.status().state).toBe("live");
    await vi.advanceTimersByTimeAsync(100);
    expect(prices).toEqual([1, 2, 3]);
    expect(feed.status().state).toBe("finished");
  });

  it("loops with time shifted forward and seq continuing, until stopped", async () => {
    const feed = new ReplayFeed({ file: file("loop.json", JSON.stringify(TRADES)), symbol: "X", speed: Infinity, loop: true });
    const ticks: Tick[] = [];
    await feed.start((tick) => {
      ticks.push(tick);
      if (ticks.length === 7) void feed.stop();
    });
    expect(await feed.done()).toBe("stopped");
    expect(ticks.map((t) => t.seq)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(ticks[3].price).toBe(ticks[0].price);
    // Shifted by the span rounded up to whole seconds: 60.5 s of trades + 1 s -> 62 s.
    expect(ticks[3].ts - ticks[0].ts).toBe(62_000);
    for (let i = 1; i < ticks.length; i++) expect(ticks[i].ts).toBeGreaterThan(ticks[i - 1].ts);
  });

  it("fails start with the reader's error and reports state error", async () => {
    const feed = new ReplayFeed({ file: file("bad-feed.json", "[[1]]"), symbol: "X", speed: 1 });
    await expect(feed.start(() => undefined)).rejects.toThrow(/bad-feed\.json: row 1/);
    expect(feed.status().state).toBe("error");
    expect(() => new ReplayFeed({ file: "x", symbol: "X", speed: -1 })).toThrow(/speed/);
  });
});
