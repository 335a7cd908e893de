import type { BacktestStats } from "@/lib/backtest/stats";

/** Metrics to maximise, by name: each reads one backtesting.py statistic (drawdown is negative, so higher is better). */
export const METRICS = {
  sharpe: "sharpeRatio",
  sortino: "sortinoRatio",
  calmar: "calmarRatio",
  return: "returnPct",
  returnAnn: "returnAnnPct",
  cagr: "cagrPct",
  sqn: "sqn",
  profitFactor: "profitFactor",
  winRate: "winRatePct",
  expectancy: "expectancyPct",
  maxDrawdown: "maxDrawdownPct",
  equityFinal: "equityFinal",
  alpha: "alphaPct",
  kelly: "kellyCriterion",
} as const satisfies Record<string, keyof BacktestStats>;

export type MetricName = keyof typeof METRICS;

/** A metric name, or any function of the statistics (higher is better). */
export type Metric = MetricName | ((stats: BacktestStats) => number);

export function metricValue(metric: Metric, stats: BacktestStats): number {
  if (typeof metric === "function") return metric(stats);
  const key = METRICS[metric];
  if (key === undefined) throw new RangeError(`unknown metric: ${String(metric)}`);
  return stats[key];
}
