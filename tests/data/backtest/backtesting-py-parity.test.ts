import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { runBacktest, type BacktestResult } from "@/lib/backtest/backtest-engine";
import { formatDuration, type BacktestStats } from "@/lib/backtest/stats";
import type { Instrument } from "@/lib/domain/instrument";
import { parseNaiveUtcDate, readBacktestingCsv } from "@/lib/market/replay/backtesting-csv";
import { MaCrossStrategy } from "@/lib/strategy/ma-cross";
import { sharedDataPath } from "@/tests/support/shared-data";

const GOOG: Instrument = { symbol: "GOOG", baseAsset: "GOOG", quoteAsset: "USD", tickSize: "0.01", lotSize: "1", minQty: "1", venue: "backtest" };
const RTOL = 1e-6;

function closeTo(actual: number, expected: number, label: string): void {
  const diff = Math.abs(actual - expected);
  expect(diff <= RTOL * Math.abs(expected), `${label}: ${actual} vs ${expected}`).toBe(true);
}

function csvRows(file: string): string[][] {
  return readFileSync(file, "utf8").trim().split(/\r?\n/).slice(1).map((line) => line.split(","));
}

/** pandas "584 days 00:00:00" -> ms. */
function timedeltaMs(text: string): number {
  const match = /^(\d+) days (\d\d):(\d\d):(\d\d)$/.exec(text);
  if (!match) throw new Error(`bad timedelta ${text}`);
  const [d, h, m, s] = match.slice(1).map(Number);
  return ((d * 24 + h) * 60 + m) * 60_000 + s * 1000;
}

const NUMERIC_KEYS: Array<[string, keyof BacktestStats]> = [
  ["Exposure Time [%]", "exposureTimePct"],
  ["Equity Final [$]", "equityFinal"],
  ["Equity Peak [$]", "equityPeak"],
  ["Return [%]", "returnPct"],
  ["Buy & Hold Return [%]", "buyAndHoldReturnPct"],
  ["Return (Ann.) [%]", "returnAnnPct"],
  ["Volatility (Ann.) [%]", "volatilityAnnPct"],
  ["CAGR [%]", "cagrPct"],
  ["Sharpe Ratio", "sharpeRatio"],
  ["Sortino Ratio", "sortinoRatio"],
  ["Calmar Ratio", "calmarRatio"],
  ["Alpha [%]", "alphaPct"],
  ["Beta", "beta"],
  ["Max. Drawdown [%]", "maxDrawdownPct"],
  ["Avg. Drawdown [%]", "avgDrawdownPct"],
  ["# Trades", "trades"],
  ["Win Rate [%]", "winRatePct"],
  ["Best Trade [%]", "bestTradePct"],
  ["Worst Trade [%]", "worstTradePct"],
  ["Avg. Trade [%]", "avgTradePct"],
  ["Profit Factor", "profitFactor"],
  ["Expectancy [%]", "expectancyPct"],
  ["SQN", "sqn"],
  ["Kelly Criterion", "kellyCriterion"],
];

const DURATION_KEYS: Array<[string, keyof BacktestStats]> = [
  ["Duration", "durationMs"],
  ["Max. Drawdown Duration", "maxDrawdownDurationMs"],
  ["Avg. Drawdown Duration", "avgDrawdownDurationMs"],
  ["Max. Trade Duration", "maxTradeDurationMs"],
  ["Avg. Trade Duration", "avgTradeDurationMs"],
];

describe("backtesting.py parity: SmaCross(10, 30) on GOOG", () => {
  let result: BacktestResult;
  let ref: Record<string, string | number>;

  beforeAll(async () => {
    const bars = await readBacktestingCsv(sharedDataPath("backtesting.py", "GOOG.csv"));
    ref = JSON.parse(readFileSync(sharedDataPath("backtesting.py", "reference-runs", "ref_stats.json"), "utf8")).test_compute_stats.stats;
    result = runBacktest({
      bars,
      instrument: GOOG,
      strategyFactory: () => new MaCrossStrategy({ symbol: "GOOG", fast: 10, slow: 30, quantity: "1" }),
      cash: 10_000,
      commission: 0,
      fill: "next-open",
      exclusiveOrders: true,
      finalize: true,
      sizing: { kind: "all-in-units" },
      warmupBars: 29, // SMA(30) has its first value on bar 29: backtesting.py's Buy & Hold starts there
    });
  });

  it("reproduces the 66 trades: bars, prices, sizes, P&L and returns", () => {
    const rows = csvRows(sharedDataPath("backtesting.py", "reference-runs", "test_compute_stats_trades.csv"));
    expect(result.trades).toHaveLength(66);
    expect(rows).toHaveLength(66);
    rows.forEach((row, i) => {
      const trade = result.trades[i];
      const [size, entryBar, exitBar, entryPrice, exitPrice, pnl, commission, returnPct, entryTime, exitTime] = row;
      expect(trade.size, `trade ${i} size`).toBe(size);
      expect(trade.entryBar, `trade ${i} entry bar`).toBe(Number(entryBar));
      expect(trade.exitBar, `trade ${i} exit bar`).toBe(Number(exitBar));
      expect(Number(trade.entryPrice), `trade ${i} entry`).toBe(Number(entryPrice));
      expect(Number(trade.exitPrice), `trade ${i} exit`).toBe(Number(exitPrice));
      expect(trade.entryTime).toBe(parseNaiveUtcDate(entryTime));
      expect(trade.exitTime).toBe(parseNaiveUtcDate(exitTime));
      closeTo(Number(trade.pnl), Number(pnl), `trade ${i} pnl`);
      expect(Number(trade.commission)).toBe(Number(commission));
      closeTo(trade.returnPct, Number(returnPct), `trade ${i} return`);
    });
    expect(result.openTrades).toHaveLength(0);
  });

  it("ends with equity 51,422.99 exactly and follows the reference equity curve", () => {
    expect(result.equity.at(-1)?.equity).toBe("51422.99");
    expect(result.finalCash.toFixed()).toBe("51422.99");
    const rows = csvRows(sharedDataPath("backtesting.py", "reference-runs", "test_compute_stats_equity.csv"));
    expect(result.equity).toHaveLength(rows.length);
    rows.forEach(([date, equity], i) => {
      expect(result.equity[i].ts).toBe(parseNaiveUtcDate(date));
      closeTo(Number(result.equity[i].equity), Number(equity), `equity ${date}`);
    });
  });

  it("matches every statistic in ref_stats.json within 1e-6 relative", () => {
    const s = result.stats;
    expect(new Date(s.start).toISOString().slice(0, 10)).toBe(String(ref.Start).slice(0, 10));
    expect(new Date(s.end).toISOString().slice(0, 10)).toBe(String(ref.End).slice(0, 10));
    for (const [key, field] of DURATION_KEYS) {
      expect(formatDuration(s[field]), key).toBe(ref[key]);
      expect(s[field], key).toBe(timedeltaMs(String(ref[key])));
    }
    const covered = new Set(["Start", "End", ...DURATION_KEYS.map(([k]) => k)]);
    const off: string[] = [];
    for (const [key, field] of NUMERIC_KEYS) {
      covered.add(key);
      const expected = Number(ref[key]);
      if (!(Math.abs(s[field] - expected) <= RTOL * Math.abs(expected))) off.push(`${key}: ${s[field]} vs ${expected}`);
    }
    expect(off).toEqual([]);
    expect(Object.keys(ref).filter((k) => !covered.has(k))).toEqual([]);
  });
});
