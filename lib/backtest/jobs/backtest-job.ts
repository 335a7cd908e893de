import { runBacktestAsync } from "@/lib/backtest/backtest-engine";
import type { DatabaseHandle } from "@/lib/db/client";
import type { JobDefinition } from "@/lib/jobs/job-queue";
import { MaCrossStrategy } from "@/lib/strategy/ma-cross";
import type { BacktestRequest } from "./backtest-request";
import { backtestInstrument } from "./backtest-instrument";
import { loadRunBars } from "./load-run-bars";
import { backtestResultJson } from "./result-json";
import { executeRun, type RunJobOptions, runJobPayloadSchema } from "./run-execution";
import type { RunProgress } from "./run-progress";

export const BACKTEST_JOB = "backtest";

async function runBacktestRequest(database: DatabaseHandle, request: BacktestRequest, progress: RunProgress, chunkBars?: number) {
  const { fast, slow } = request.strategy;
  const { symbol, bars, intervalMs, trades } = await loadRunBars(database.db, request, 2);
  const source = request.fill === "intrabar" ? { trades, barIntervalMs: intervalMs } : { bars };
  const result = await runBacktestAsync(
    {
      ...source,
      instrument: backtestInstrument(symbol, bars, request.cash, request.sizing),
      // Only the sign of the strategy's target is used; the size comes from the sizing option (as the CLI).
      strategyFactory: () => new MaCrossStrategy({ symbol, fast, slow, quantity: "1" }),
      cash: request.cash,
      commission: request.costs.commission,
      spread: request.costs.spread,
      slippageBps: request.costs.slippageBps,
      fill: request.fill,
      exclusiveOrders: request.exclusiveOrders,
      finalize: request.finalize,
      sizing: request.sizing,
      exits: request.exits,
      entry: request.entry,
      risk: request.risk,
      intervalMs,
      warmupBars: Math.min(slow - 1, bars.length - 1),
    },
    { onProgress: (fraction) => progress.report(fraction), isCancelled: () => progress.cancelled(), chunkBars },
  );
  return backtestResultJson(result, bars, symbol);
}

/** Runs one stored backtest request over its bars with the backtester, writing progress and the result to its row. */
export function backtestJob(database: DatabaseHandle, options: RunJobOptions = {}): JobDefinition<typeof runJobPayloadSchema> {
  return {
    name: BACKTEST_JOB,
    schema: runJobPayloadSchema,
    run: ({ runId }, ctx) =>
      executeRun<BacktestRequest>(database, runId, ctx, options, (request, progress) => runBacktestRequest(database, request, progress, options.chunkBars)),
  };
}
