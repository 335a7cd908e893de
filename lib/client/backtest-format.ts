import { formatStatNumber, formatTimestamp } from "@/lib/backtest/cli/stats-table";
import { EMPTY } from "@/lib/client/format";

const DAY_MS = 86_400_000;

/** Backtest times are the data's own (UTC), never the viewer's zone: "2024-01-02 13:00". */
export function formatRunTime(ms: number): string {
  return formatTimestamp(ms).slice(0, 16);
}

/** Axis ticks: the date for spans of days, month-day and time for shorter ones. */
export function axisTimeFormatter(spanMs: number): (ms: number) => string {
  return spanMs > 3 * DAY_MS ? (ms) => formatTimestamp(ms).slice(0, 10) : (ms) => formatTimestamp(ms).slice(5, 16);
}

/** A statistic that is already a percentage (backtesting.py's "[%]" rows). */
export function formatPct(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return EMPTY;
  const text = value.toFixed(2);
  // A flat run's drawdown is -0, and a tiny negative rounds to "-0.00": neither is a loss worth a minus sign.
  return `${text === "-0.00" ? "0.00" : text}%`;
}

export function formatMetric(value: number | null | undefined): string {
  return value === null || value === undefined ? EMPTY : formatStatNumber(value);
}
