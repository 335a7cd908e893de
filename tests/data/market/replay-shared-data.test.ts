import { describe, expect, it } from "vitest";
import type { Bar, BarInterval, Tick } from "@/lib/domain/market-data";
import { BarAggregator } from "@/lib/market/bar-aggregator";
import { loadRecording } from "@/lib/market/replay/detect-format";
import { readFreqtradeCandles } from "@/lib/market/replay/freqtrade-candles";
import { readFreqtradeTrades } from "@/lib/market/replay/freqtrade-trades";
import type { RecordedBar } from "@/lib/market/replay/recording";
import { ReplayFeed } from "@/lib/market/replay-feed";
import { sharedDataPath } from "@/tests/support/shared-data";

async function replayThroughAggregator(file: string, interval: BarInterval): Promise<{ ticks: Tick[]; bars: Bar[] }> {
  const ticks: Tick[] = [];
  const bars: Bar[] = [];
  const aggregator = new BarAggregator({ intervals: [interval], onBarClosed: (bar) => bars.push(bar) });
  const feed = new ReplayFeed({ file, symbol: "TEST", speed: Infinity });
  await feed.start((tick) => {
    ticks.push(tick);
    aggregator.onTick(tick);
  });
  expect(await feed.done()).toBe("finished");
  aggregator.flush();
  expect(aggregator.stats().lateTicks).toBe(0);
  return { ticks, bars };
}

function relativeError(actual: number, expected: number): number {
  return expected === 0 ? Math.abs(actual) : Math.abs(actual - expected) / Math.abs(expected);
}

function expectSameBars(bars: Bar[], reference: RecordedBar[], volumeTolerance: number): void {
  expect(bars.length).toBe(reference.length);
  const mismatches = bars.flatMap((bar, i) => {
    const ref = reference[i];
    const same = bar.openTime === ref.openTime && bar.open === ref.open && bar.high === ref.high && bar.low === ref.low && bar.close === ref.close;
    return same && relativeError(bar.volume, ref.volume) <= volumeTolerance ? [] : [{ bar, ref }];
  });
  expect(mismatches).toEqual([]);
}

describe("shared recordings", () => {
  it("reads XRP_ETH-trades.json.gz: 12477 trades in time order", async () => {
    const trades = await readFreqtradeTrades(sharedDataPath("freqtrade", "XRP_ETH-trades.json.gz"));
    expect(trades).toHaveLength(12_477);
    expect(trades[0]).toEqual({ ts: 1570752011620, price: 0.00141342, size: 23, side: "sell" });
    expect(new Date(trades[trades.length - 1].ts).toISOString()).toMatch(/^2019-10-13T11:19:28/);
  });

  it("reads XRP_ETH-1m.json: 3560 one-minute candles", async () => {
    const recording = await loadRecording(sharedDataPath("freqtrade", "XRP_ETH-1m.json"));
    expect(recording.kind).toBe("bars");
    if (recording.kind !== "bars") return;
    expect(recording.bars).toHaveLength(3_560);
    expect(recording.intervalMs).toBe(60_000);
    expect(recording.bars[0]).toEqual({ openTime: 1570752000000, open: 0.00141342, high: 0.00141557, low: 0.00141266, close: 0.00141418, volume: 1482 });
  });

  it("reads GOOG.csv (2148 daily bars) and EURUSD.csv (5000 hourly bars)", async () => {
    const goog = await loadRecording(sharedDataPath("backtesting.py", "GOOG.csv"));
    expect(goog.kind === "bars" && [goog.bars.length, goog.intervalMs]).toEqual([2_148, 86_400_000]);
    expect(goog.kind === "bars" && goog.bars[0]).toEqual({ openTime: Date.UTC(2004, 7, 19), open: 100, high: 104.06, low: 95.96, close: 100.34, volume: 22351900 });
    const eurusd = await loadRecording(sharedDataPath("backtesting.py", "EURUSD.csv"));
    expect(eurusd.kind === "bars" && [eurusd.bars.length, eurusd.intervalMs]).toEqual([5_000, 3_600_000]);
    expect(eurusd.kind === "bars" && new Date(eurusd.bars[4_999].openTime).toISOString()).toBe("2018-02-07T15:00:00.000Z");
  });
});

describe("replay reproduces recorded bars", () => {
  it("XRP_ETH trades aggregated to 1m equal XRP_ETH-1m.json for every minute with trades", async () => {
    const { ticks, bars } = await replayThroughAggregator(sharedDataPath("freqtrade", "XRP_ETH-trades.json.gz"), "1m");
    expect(ticks).toHaveLength(12_477);
    const candles = await readFreqtradeCandles(sharedDataPath("freqtrade", "XRP_ETH-1m.json"));
    const traded = candles.filter((candle) => candle.volume > 0);
    expect(traded).toHaveLength(2_469);
    // Minutes without trades get no bar: the file fills those 1091 with flat candles, we do not.
    expectSameBars(bars, traded, 1e-9);
    expect(bars.reduce((sum, bar) => sum + bar.trades, 0)).toBe(12_477);
  });

  it("EURUSD hourly bars replayed as ticks rebuild the same hourly bars", async () => {
    const file = sharedDataPath("backtesting.py", "EURUSD.csv");
    const { ticks, bars } = await replayThroughAggregator(file, "1h");
    expect(ticks).toHaveLength(20_000);
    const recording = await loadRecording(file);
    if (recording.kind !== "bars") throw new Error("EURUSD.csv should load as bars");
    expectSameBars(bars, recording.bars, 1e-12);
  });
});
