import "server-only";
import type { RunRequest } from "@/lib/backtest/jobs/backtest-request";
import type { RunRow } from "@/lib/backtest/jobs/run-store";
import type { BacktestResultJson, OptimizeResultJson, RunDetail, RunStatus, RunSummary, StatsJson } from "@/lib/backtest/jobs/run-view";

type RunResult = BacktestResultJson | OptimizeResultJson;

function statsOf(result: RunResult): StatsJson {
  return "combined" in result ? result.combined.stats : result.stats;
}

function headline(result: RunResult | null): RunSummary["headline"] {
  if (!result) return null;
  const stats = statsOf(result);
  return { returnPct: stats.returnPct ?? null, sharpeRatio: stats.sharpeRatio ?? null, maxDrawdownPct: stats.maxDrawdownPct ?? null, trades: stats.trades ?? 0 };
}

export function runSummary(row: RunRow): RunSummary {
  return {
    id: row.id,
    kind: row.kind as RunRequest["kind"],
    name: row.name,
    status: row.status as RunStatus,
    progress: row.progress,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    startedAt: row.startedAt?.toISOString() ?? null,
    finishedAt: row.finishedAt?.toISOString() ?? null,
    error: row.error,
    headline: headline(row.result as RunResult | null),
  };
}

export function runDetail(row: RunRow): RunDetail {
  return { ...runSummary(row), request: row.request as RunRequest, result: (row.result as RunResult | null) ?? null };
}
