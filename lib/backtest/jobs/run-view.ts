import type { BacktestTrade } from "@/lib/backtest/types";
import type { RunRequest } from "./backtest-request";

/** JSON shapes of /api/backtests, shared by the route handlers, the job and the dashboard. NaN statistics are null. */
export type RunStatus = "queued" | "running" | "completed" | "failed" | "cancelled";

export interface RunSummary {
  id: string;
  kind: RunRequest["kind"];
  name: string;
  status: RunStatus;
  /** 0..1 */
  progress: number;
  createdBy: string;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  error: string | null;
  /** Headline figures once completed (backtest: of the run; optimize: combined out-of-sample). */
  headline: { returnPct: number | null; sharpeRatio: number | null; maxDrawdownPct: number | null; trades: number } | null;
}

export type StatsJson = Record<string, number | null>;

/** A closed trade as the API sends it (bar indexes left out: the candles are thinned). */
export type TradeJson = Omit<BacktestTrade, "entryBar" | "exitBar">;

export interface BacktestResultJson {
  stats: StatsJson;
  trades: TradeJson[];
  /** Equity after each bar, thinned to at most 2,000 points (first and last always kept). */
  equity: Array<{ ts: number; equity: number; drawdownPct: number }>;
  /** The bars tested, thinned to at most 2,000 (OHLC merged), for the price chart with trade markers. */
  candles: Array<{ time: number; open: number; high: number; low: number; close: number }>;
  symbol: string;
  barCount: number;
}

export interface OptimizeResultJson {
  metric: string;
  windows: Array<{ trainFrom: number; trainTo: number; testFrom: number; testTo: number; chosen: Record<string, number>; inSample: number | null; outOfSample: number | null }>;
  /** Combined out-of-sample run of the chosen parameters. */
  combined: { stats: StatsJson; equity: BacktestResultJson["equity"] };
  gap: { meanInSample: number | null; meanOutOfSample: number | null };
}

export interface RunDetail extends RunSummary {
  request: RunRequest;
  result: BacktestResultJson | OptimizeResultJson | null;
}

export interface DatasetSummary {
  id: string;
  name: string;
  format: string;
  symbol: string;
  /** A trades recording is turned into 1-minute bars when a run uses it. */
  kind: "bars" | "trades";
  /** Rows of the recording: bars, or trades for a trades recording. */
  barCount: number;
  firstTime: number;
  lastTime: number;
  createdAt: string;
}
