import type { StatsJson } from "@/lib/backtest/jobs/run-view";
import { STAT_ROWS, formatStat } from "@/lib/backtest/cli/stats-table";
import { formatDuration } from "@/lib/backtest/stats";

export interface StatRow {
  label: string;
  key: string;
  text: string;
}

type StatFormat = (typeof STAT_ROWS)[number][2];

function valueOf(stats: StatsJson, key: string): number | null {
  const value = stats[key];
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}

/** backtesting.py's rows, labels and formats (the CLI's table), for the JSON statistics of a run. */
export function statRows(stats: StatsJson): StatRow[] {
  // A statistic the server sent as null (NaN there) prints as backtesting.py prints NaN.
  return STAT_ROWS.map(([label, key, format]) => ({ label, key, text: formatStat(valueOf(stats, key) ?? Number.NaN, format) }));
}

function signedDifference(diff: number, format: StatFormat): string {
  const sign = diff > 0 ? "+" : diff < 0 ? "-" : "";
  if (format === "duration") return `${sign}${formatDuration(Math.abs(diff))}`;
  return `${sign}${formatStat(Math.abs(diff), format)}`;
}

export interface StatComparisonRow {
  label: string;
  key: string;
  a: string;
  b: string;
  /** B minus A, signed; empty for times, where a difference says nothing. */
  difference: string;
  /** Sign of B minus A, for colouring. */
  direction: "up" | "down" | "flat";
}

export function compareStatRows(a: StatsJson, b: StatsJson): StatComparisonRow[] {
  return STAT_ROWS.map(([label, key, format]) => {
    const va = valueOf(a, key);
    const vb = valueOf(b, key);
    const text = (v: number | null) => formatStat(v ?? Number.NaN, format);
    const comparable = format !== "time" && va !== null && vb !== null;
    const diff = comparable ? vb - va : 0;
    return {
      label,
      key,
      a: text(va),
      b: text(vb),
      difference: comparable ? signedDifference(diff, format) : "",
      direction: diff > 0 ? "up" : diff < 0 ? "down" : "flat",
    };
  });
}
