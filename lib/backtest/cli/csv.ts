import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import type { BacktestTrade, EquityPoint } from "@/lib/backtest/types";
import { formatDuration } from "@/lib/backtest/stats";
import { formatTimestamp } from "@/lib/backtest/cli/stats-table";

export const TRADES_HEADER = ["Size", "EntryBar", "ExitBar", "EntryPrice", "ExitPrice", "PnL", "Commission", "ReturnPct", "EntryTime", "ExitTime", "Duration"] as const;
export const EQUITY_HEADER = ["Time", "Equity", "DrawdownPct"] as const;

function csvCell(value: string | number): string {
  const text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function csvLines(header: readonly string[], rows: Iterable<ReadonlyArray<string | number>>): string {
  const out = [header.join(",")];
  for (const row of rows) out.push(row.map(csvCell).join(","));
  return `${out.join("\n")}\n`;
}

/** One row per closed trade, backtesting.py's `_trades` columns (exact decimals as given by the engine). */
export function tradesCsv(trades: readonly BacktestTrade[]): string {
  return csvLines(
    TRADES_HEADER,
    trades.map((t) => [t.size, t.entryBar, t.exitBar, t.entryPrice, t.exitPrice, t.pnl, t.commission, t.returnPct, formatTimestamp(t.entryTime), formatTimestamp(t.exitTime), formatDuration(t.exitTime - t.entryTime)]),
  );
}

/** One row per bar: equity after the bar and its drawdown from the running peak, as a fraction. */
export function equityCsv(equity: readonly EquityPoint[]): string {
  let peak = Number.NEGATIVE_INFINITY;
  return csvLines(
    EQUITY_HEADER,
    equity.map((p) => {
      const e = Number(p.equity);
      if (e > peak) peak = e;
      return [formatTimestamp(p.ts), p.equity, peak > 0 ? 1 - e / peak : 0];
    }),
  );
}

/** Writes trades.csv and equity.csv into dir (created if missing); returns their paths. */
export async function writeBacktestCsv(dir: string, trades: readonly BacktestTrade[], equity: readonly EquityPoint[]): Promise<{ trades: string; equity: string }> {
  await mkdir(dir, { recursive: true });
  const files = { trades: path.join(dir, "trades.csv"), equity: path.join(dir, "equity.csv") };
  await writeFile(files.trades, tradesCsv(trades));
  await writeFile(files.equity, equityCsv(equity));
  return files;
}
