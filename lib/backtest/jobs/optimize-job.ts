import { computeStats } from "@/lib/backtest/stats";
import type { BacktestTrade, EquityPoint } from "@/lib/backtest/types";
import { runWalkForward, walkForwardWindows, type WalkForwardWindowResult } from "@/lib/backtest/walk-forward";
import type { DatabaseHandle } from "@/lib/db/client";
import type { JobDefinition } from "@/lib/jobs/job-queue";
import type { RecordedBar } from "@/lib/market/replay/recording";
import { MaCrossStrategy } from "@/lib/strategy/ma-cross";
import type { OptimizeRequest } from "./backtest-request";
import { backtestInstrument } from "./backtest-instrument";
import { loadRunBars, RunDataError } from "./load-run-bars";
import { equityJson, finiteOrNull, statsJson } from "./result-json";
import { executeRun, RunCancelled, type RunJobOptions, runJobPayloadSchema } from "./run-execution";
import type { RunProgress } from "./run-progress";
import type { OptimizeResultJson } from "./run-view";

export const OPTIMIZE_JOB = "optimize";

type SmaParams = { fast: number; slow: number };

function finiteMean(values: readonly number[]): number | null {
  const finite = values.filter(Number.isFinite);
  return finite.length > 0 ? finite.reduce((a, b) => a + b, 0) / finite.length : null;
}

/** The out-of-sample test slices joined into one run: equity end to end, trades re-indexed onto it. */
function stitchedStats(bars: readonly RecordedBar[], windows: ReadonlyArray<{ offset: number; result: WalkForwardWindowResult<SmaParams> }>) {
  const equity: EquityPoint[] = [];
  const trades: BacktestTrade[] = [];
  const testBars: RecordedBar[] = [];
  for (const { offset, result } of windows) {
    const shift = equity.length - result.window.testStart;
    for (const t of result.trades) trades.push({ ...t, entryBar: t.entryBar + shift, exitBar: t.exitBar + shift });
    equity.push(...result.equity);
    testBars.push(...bars.slice(offset + result.window.testStart, offset + result.window.testEnd));
  }
  const stats = computeStats({ times: testBars.map((b) => b.openTime), closes: testBars.map((b) => b.close), equity: equity.map((p) => Number(p.equity)), trades });
  return { stats, equity };
}

/**
 * Walk-forward optimisation, one window at a time so progress is written and a cancel is seen between windows:
 * each window is runWalkForward over its own slice (train then test), starting from the equity the previous
 * test slice ended with.
 */
async function runOptimizeRequest(database: DatabaseHandle, request: OptimizeRequest, progress: RunProgress): Promise<OptimizeResultJson> {
  const { train, test, step } = request.windows;
  const { symbol, bars, intervalMs } = await loadRunBars(database.db, request, train + test);
  const windows = walkForwardWindows({ bars: bars.length, train, test, step });
  if (windows.length === 0) throw new RunDataError(`${bars.length} bars hold no ${train}/${test} walk-forward window`);
  const instrument = backtestInstrument(symbol, bars, request.cash, request.sizing);
  const done: Array<{ offset: number; result: WalkForwardWindowResult<SmaParams> }> = [];
  let cash = request.cash;
  for (const window of windows) {
    const run = runWalkForward<SmaParams>({
      bars: bars.slice(window.trainStart, window.testEnd),
      instrument, cash, train, test, intervalMs,
      commission: request.costs.commission, spread: request.costs.spread, slippageBps: request.costs.slippageBps,
      fill: request.fill, exclusiveOrders: request.exclusiveOrders, sizing: request.sizing,
      exits: request.exits, entry: request.entry, risk: request.risk,
      grid: { fast: request.grid.fast, slow: request.grid.slow },
      constraint: (p) => p.fast < p.slow,
      makeStrategy: (p) => new MaCrossStrategy({ symbol, fast: p.fast, slow: p.slow, quantity: "1" }),
      metric: request.metric,
    });
    const result = run.windows[0];
    done.push({ offset: window.trainStart, result });
    cash = result.endEquity;
    await progress.report(done.length / windows.length);
    if (progress.cancelled()) throw new RunCancelled();
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  const combined = stitchedStats(bars, done);
  const time = (index: number) => bars[index].openTime;
  return {
    metric: request.metric,
    windows: done.map(({ offset, result }) => ({
      trainFrom: time(offset + result.window.trainStart), trainTo: time(offset + result.window.trainEnd - 1),
      testFrom: time(offset + result.window.testStart), testTo: time(offset + result.window.testEnd - 1),
      chosen: result.params, inSample: finiteOrNull(result.inSampleMetric), outOfSample: finiteOrNull(result.outOfSampleMetric),
    })),
    combined: { stats: statsJson(combined.stats), equity: equityJson(combined.equity) },
    gap: { meanInSample: finiteMean(done.map((w) => w.result.inSampleMetric)), meanOutOfSample: finiteMean(done.map((w) => w.result.outOfSampleMetric)) },
  };
}

/** Runs one stored optimisation request: walk-forward over the grid, ranked on the chosen metric in sample. */
export function optimizeJob(database: DatabaseHandle, options: RunJobOptions = {}): JobDefinition<typeof runJobPayloadSchema> {
  return {
    name: OPTIMIZE_JOB,
    schema: runJobPayloadSchema,
    run: ({ runId }, ctx) => executeRun<OptimizeRequest>(database, runId, ctx, options, (request, progress) => runOptimizeRequest(database, request, progress)),
  };
}
