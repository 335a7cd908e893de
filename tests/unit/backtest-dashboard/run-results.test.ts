import { describe, expect, it } from "vitest";
import type { UTCTimestamp } from "lightweight-charts";
import type { TradeJson } from "@/lib/backtest/jobs/run-view";
import { compareEquity, rebaseTo100 } from "@/lib/client/backtest-compare";
import { candleTimeAt, tradeMarkers } from "@/lib/client/backtest-markers";
import { formatPct } from "@/lib/client/backtest-format";
import { anyRunActive } from "@/lib/client/backtest-run-status";
import { compareStatRows, statRows } from "@/lib/client/backtest-stats";
import { DOWN_COLOR, UP_COLOR } from "@/lib/client/chart-data";

const DAY = 86_400_000;
const T0 = Date.UTC(2024, 0, 1);

function trade(size: string, entryDay: number, exitDay: number): TradeJson {
  return { size, entryTime: T0 + entryDay * DAY, exitTime: T0 + exitDay * DAY, entryPrice: "100", exitPrice: "110", pnl: "10", commission: "0", returnPct: 0.1 };
}

const seconds = (ms: number) => Math.floor(ms / 1000) as UTCTimestamp;

describe("trade markers on the price chart", () => {
  const candles = [0, 1, 2, 3, 4, 5].map((d) => seconds(T0 + d * DAY));

  it("marks a long with a green up arrow below the entry bar and a down arrow above the exit bar", () => {
    const [entry, exit] = tradeMarkers([trade("10", 1, 3)], candles);
    expect(entry).toMatchObject({ time: candles[1], position: "belowBar", shape: "arrowUp", color: UP_COLOR, text: "Long" });
    expect(exit).toMatchObject({ time: candles[3], position: "aboveBar", shape: "arrowDown", color: UP_COLOR, text: "Exit" });
  });

  it("marks a short the other way round, in red", () => {
    const [entry, exit] = tradeMarkers([trade("-10", 2, 4)], candles);
    expect(entry).toMatchObject({ position: "aboveBar", shape: "arrowDown", color: DOWN_COLOR, text: "Short" });
    expect(exit).toMatchObject({ position: "belowBar", shape: "arrowUp", color: DOWN_COLOR });
  });

  it("puts a trade inside a thinned candle on that candle, and sorts the markers by time", () => {
    const thinned = [candles[0], candles[2], candles[4]];
    const markers = tradeMarkers([trade("1", 3, 5), trade("1", 1, 2)], thinned);
    expect(markers.map((m) => m.time)).toEqual([thinned[0], thinned[1], thinned[1], thinned[2]]);
    expect(candleTimeAt(thinned, seconds(T0 - DAY))).toBeNull();
  });
});

describe("statistics tables", () => {
  it("shows backtesting.py's labels and formats, and NaN for a statistic the server sent as null", () => {
    const rows = statRows({ start: T0, durationMs: 3 * DAY, trades: 7, sharpeRatio: 1.234567891, profitFactor: null });
    const byLabel = Object.fromEntries(rows.map((r) => [r.label, r.text]));
    expect(byLabel["Start"]).toBe("2024-01-01 00:00:00");
    expect(byLabel["Duration"]).toBe("3 days 00:00:00");
    expect(byLabel["# Trades"]).toBe("7");
    expect(byLabel["Sharpe Ratio"]).toBe("1.23457");
    expect(byLabel["Profit Factor"]).toBe("NaN");
  });

  it("gives B minus A with its sign, and no difference for times or missing values", () => {
    const rows = compareStatRows(
      { start: T0, returnPct: 12.5, trades: 10, maxDrawdownDurationMs: 5 * DAY, sqn: null },
      { start: T0 + DAY, returnPct: 10, trades: 14, maxDrawdownDurationMs: 2 * DAY, sqn: 1 },
    );
    const byKey = Object.fromEntries(rows.map((r) => [r.key, r]));
    expect(byKey.returnPct).toMatchObject({ a: "12.5", b: "10", difference: "-2.5", direction: "down" });
    expect(byKey.trades).toMatchObject({ difference: "+4", direction: "up" });
    expect(byKey.maxDrawdownDurationMs.difference).toBe("-3 days 00:00:00");
    expect(byKey.start.difference).toBe("");
    expect(compareStatRows({ trades: 4, durationMs: DAY }, { trades: 4, durationMs: DAY }).filter((r) => r.difference !== "").map((r) => r.difference)).toEqual(["0 days 00:00:00", "0"]);
    expect(byKey.sqn).toMatchObject({ a: "NaN", b: "1", difference: "" });
  });
});

describe("comparing equity curves", () => {
  it("rebases each run to 100 at its start so different cash compares by shape", () => {
    expect(rebaseTo100([{ ts: 1, equity: 5000, drawdownPct: 0 }, { ts: 2, equity: 5500, drawdownPct: 0 }]).map((p) => p.value)).toEqual([100, 110]);
  });

  it("puts both runs on one time axis, leaving a gap where one has no point", () => {
    const a = [{ ts: 1, equity: 10_000, drawdownPct: 0 }, { ts: 3, equity: 9_000, drawdownPct: -10 }];
    const b = [{ ts: 1, equity: 20_000, drawdownPct: 0 }, { ts: 2, equity: 30_000, drawdownPct: 0 }];
    expect(compareEquity(a, b)).toEqual([{ ts: 1, a: 100, b: 100 }, { ts: 2, b: 150 }, { ts: 3, a: 90 }]);
  });
});

describe("headline figures", () => {
  it("shows percentages with two decimals and no minus sign on a zero drawdown", () => {
    expect(formatPct(-4.32053)).toBe("-4.32%");
    expect(formatPct(-0)).toBe("0.00%");
    expect(formatPct(-0.001)).toBe("0.00%");
    expect(formatPct(null)).toBe("—");
  });
});

describe("polling", () => {
  it("keeps polling while any run is queued or running, and stops when all are done", () => {
    expect(anyRunActive([{ status: "completed" }, { status: "queued" }])).toBe(true);
    expect(anyRunActive([{ status: "running" }])).toBe(true);
    expect(anyRunActive([{ status: "completed" }, { status: "failed" }, { status: "cancelled" }])).toBe(false);
  });
});
