import { formatDuration, type BacktestStats } from "@/lib/backtest/stats";

type Format = "time" | "duration" | "count" | "number";

/** backtesting.py's row labels, in its order, with the field each shows. */
export const STAT_ROWS: ReadonlyArray<readonly [label: string, key: keyof BacktestStats, format: Format]> = [
  ["Start", "start", "time"],
  ["End", "end", "time"],
  ["Duration", "durationMs", "duration"],
  ["Exposure Time [%]", "exposureTimePct", "number"],
  ["Equity Final [$]", "equityFinal", "number"],
  ["Equity Peak [$]", "equityPeak", "number"],
  ["Commissions [$]", "commissions", "number"],
  ["Return [%]", "returnPct", "number"],
  ["Buy & Hold Return [%]", "buyAndHoldReturnPct", "number"],
  ["Return (Ann.) [%]", "returnAnnPct", "number"],
  ["Volatility (Ann.) [%]", "volatilityAnnPct", "number"],
  ["CAGR [%]", "cagrPct", "number"],
  ["Sharpe Ratio", "sharpeRatio", "number"],
  ["Sortino Ratio", "sortinoRatio", "number"],
  ["Calmar Ratio", "calmarRatio", "number"],
  ["Alpha [%]", "alphaPct", "number"],
  ["Beta", "beta", "number"],
  ["Max. Drawdown [%]", "maxDrawdownPct", "number"],
  ["Avg. Drawdown [%]", "avgDrawdownPct", "number"],
  ["Max. Drawdown Duration", "maxDrawdownDurationMs", "duration"],
  ["Avg. Drawdown Duration", "avgDrawdownDurationMs", "duration"],
  ["# Trades", "trades", "count"],
  ["Win Rate [%]", "winRatePct", "number"],
  ["Best Trade [%]", "bestTradePct", "number"],
  ["Worst Trade [%]", "worstTradePct", "number"],
  ["Avg. Trade [%]", "avgTradePct", "number"],
  ["Max. Trade Duration", "maxTradeDurationMs", "duration"],
  ["Avg. Trade Duration", "avgTradeDurationMs", "duration"],
  ["Profit Factor", "profitFactor", "number"],
  ["Expectancy [%]", "expectancyPct", "number"],
  ["SQN", "sqn", "number"],
  ["Kelly Criterion", "kellyCriterion", "number"],
];

/** "2004-08-19 00:00:00" (UTC), as pandas prints a Timestamp. */
export function formatTimestamp(ms: number): string {
  if (!Number.isFinite(ms)) return "NaT";
  return new Date(ms).toISOString().replace("T", " ").replace(/\.\d{3}Z$/, "");
}

/** Up to 5 decimals, trailing zeros dropped; NaN and infinities as pandas shows them. */
export function formatStatNumber(value: number): string {
  if (Number.isNaN(value)) return "NaN";
  if (!Number.isFinite(value)) return value > 0 ? "inf" : "-inf";
  const fixed = value.toFixed(5).replace(/\.?0+$/, "");
  return fixed === "-0" ? "0" : fixed;
}

export function formatStat(value: number, format: Format): string {
  switch (format) {
    case "time":
      return formatTimestamp(value);
    case "duration":
      return formatDuration(value);
    case "count":
      return String(value);
    default:
      return formatStatNumber(value);
  }
}

/** Two aligned columns, labels left and values right, like backtesting.py's printed stats. */
export function renderStatsTable(stats: BacktestStats): string {
  const rows = STAT_ROWS.map(([label, key, format]) => [label, formatStat(stats[key], format)] as const);
  const labelWidth = Math.max(...rows.map(([l]) => l.length));
  const valueWidth = Math.max(...rows.map(([, v]) => v.length));
  return rows.map(([l, v]) => `${l.padEnd(labelWidth)}  ${v.padStart(valueWidth)}`).join("\n");
}
