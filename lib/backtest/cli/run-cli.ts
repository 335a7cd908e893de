import path from "node:path";
import { runBacktest } from "@/lib/backtest/backtest-engine";
import { writeBacktestCsv } from "@/lib/backtest/cli/csv";
import { CliUsageError, helpText, parseArgs, type BacktestCliOptions } from "@/lib/backtest/cli/options";
import { ProgressReporter, withProgress } from "@/lib/backtest/cli/progress";
import { renderStatsTable } from "@/lib/backtest/cli/stats-table";
import type { BacktestResult } from "@/lib/backtest/types";
import type { Instrument } from "@/lib/domain/instrument";
import { loadRecording } from "@/lib/market/replay/detect-format";
import { INTERVAL_MS } from "@/lib/domain/market-data";
import type { RecordedBar, RecordedTrade, Recording } from "@/lib/market/replay/recording";
import type { BacktestConfig } from "@/lib/backtest/types";
import { MaCrossStrategy } from "@/lib/strategy/ma-cross";

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;

/** "GOOG.csv" -> GOOG, "UNITTEST_BTC-1m.json" -> UNITTEST_BTC, "XRP_ETH-trades.json.gz" -> XRP_ETH. */
export function symbolFromFile(file: string): string {
  const base = path.basename(file).replace(/(\.json|\.csv)?(\.gz)?$/i, "");
  const stripped = base.replace(/-(\d+[smhdwM]|trades)(-[a-z_]+)?$/, "");
  const clean = stripped.replace(/[^A-Za-z0-9._/-]/g, "_");
  return clean.length > 0 ? clean.toUpperCase() : "ASSET";
}

/** The smallest power of ten that puts every OHLC price of the data on its grid (at most 1e-12). */
export function inferTickSize(bars: readonly RecordedBar[]): string {
  let decimals = 0;
  const decimalsOf = (v: number): number => {
    for (let d = decimals; d < 12; d++) {
      const scaled = v * 10 ** d;
      if (Math.abs(scaled - Math.round(scaled)) <= 1e-9 * Math.max(1, Math.abs(scaled))) return d;
    }
    return 12;
  };
  for (const b of bars) {
    decimals = Math.max(decimals, decimalsOf(b.open), decimalsOf(b.high), decimalsOf(b.low), decimalsOf(b.close));
    if (decimals >= 12) break;
  }
  return decimals === 0 ? "1" : `0.${"0".repeat(decimals - 1)}1`;
}

/** The backtest the CLI runs on bars, without any printing: the bars, the options, the engine. */
export function runCliBacktest(bars: readonly RecordedBar[], intervalMs: number, options: BacktestCliOptions, progress?: ProgressReporter): BacktestResult {
  return runBacktest({ ...cliConfig(options, options.tickSize ?? inferTickSize(bars), progress), bars, intervalMs, fill: options.fill === "close" ? "close" : "next-open" });
}

/** The CLI's backtest on recorded trades: bars of --bar-interval built from the prints, orders filled on the prints. */
export function runCliTradeReplay(trades: readonly RecordedTrade[], options: BacktestCliOptions, progress?: ProgressReporter): BacktestResult {
  const tick = options.tickSize ?? inferTickSize(trades.map((t) => ({ openTime: t.ts, open: t.price, high: t.price, low: t.price, close: t.price, volume: t.size })));
  return runBacktest({ ...cliConfig(options, tick, progress), trades, barIntervalMs: INTERVAL_MS[options.barInterval], fill: "intrabar" });
}

function cliConfig(options: BacktestCliOptions, tickSize: string, progress?: ProgressReporter): Omit<BacktestConfig, "bars" | "trades"> {
  const symbol = options.symbol ?? "ASSET";
  const instrument: Instrument = {
    symbol,
    baseAsset: symbol,
    quoteAsset: "QUOTE",
    tickSize,
    lotSize: options.lotSize,
    minQty: options.lotSize,
    venue: "backtest",
  };
  return {
    instrument,
    strategyFactory: () => {
      // Only the sign of the target is used by the engine; the size comes from the sizing option.
      const strategy = new MaCrossStrategy({ symbol, fast: options.fast, slow: options.slow, quantity: "1" });
      return progress ? withProgress(strategy, progress) : strategy;
    },
    cash: options.cash,
    commission: options.commission,
    spread: options.spread,
    slippageBps: options.slippageBps,
    exclusiveOrders: options.exclusiveOrders,
    finalize: options.finalize,
    sizing: options.sizing,
    exits: options.exits,
    entry: options.entry,
    risk: options.risk,
    warmupBars: options.slow - 1,
  };
}

/** The whole CLI: returns the exit code (0 ok, 1 failing file or run, 2 bad arguments). */
export async function runBacktestCli(argv: readonly string[], io: CliIo): Promise<number> {
  let options: BacktestCliOptions;
  try {
    const parsed = parseArgs(argv);
    if (parsed.help) {
      io.stdout(helpText());
      return EXIT_OK;
    }
    options = parsed.options;
  } catch (error) {
    if (error instanceof CliUsageError) {
      io.stderr(`backtest: ${error.message}\n\n${helpText()}`);
      return EXIT_USAGE;
    }
    throw error;
  }

  try {
    const recording = await loadRecording(options.data);
    const symbol = options.symbol ?? symbolFromFile(options.data);
    const started = performance.now();
    const { result, bars } = backtestRecording(recording, { ...options, symbol }, io);
    const seconds = (performance.now() - started) / 1000;
    const files = await writeBacktestCsv(options.out, result.trades, result.equity);

    io.stdout(`${symbol}: sma-cross fast=${options.fast} slow=${options.slow}, ${bars} bars, cash ${options.cash}\n\n`);
    io.stdout(`${renderStatsTable(result.stats)}\n\n`);
    if (result.openTrades.length > 0) io.stdout(`${result.openTrades.length} trade(s) still open at the end (--no-finalize): left out of the statistics and trades.csv\n`);
    if (result.unfilledOrders > 0) io.stdout(`${result.unfilledOrders} order(s) placed on the last bar had no bar left to fill on (dropped)\n`);
    if (result.rejectedOrders.length > 0) io.stdout(`${result.rejectedOrders.length} order(s) refused by the pre-trade gate: ${summarizeRejections(result)}\n`);
    io.stdout(`${result.orders.length} orders, ${result.fills.length} fills\n`);
    io.stdout(`wrote ${files.trades} (${result.trades.length} trades) and ${files.equity} (${result.equity.length} bars)\n`);
    io.stderr(`backtest: ${bars} bars in ${seconds.toFixed(2)} s\n`);
    return EXIT_OK;
  } catch (error) {
    io.stderr(`backtest: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT_FAILED;
  }
}

/** Runs the recording: bars as they are, or trades replayed with --fill intrabar. */
function backtestRecording(recording: Recording, options: BacktestCliOptions, io: CliIo): { result: BacktestResult; bars: number } {
  let result: BacktestResult;
  let bars: number;
  if (recording.kind === "trades") {
    if (options.fill !== "intrabar") {
      throw new Error(`${options.data}: is a trades recording; without --fill intrabar the backtester runs on bars only (add --fill intrabar --bar-interval 1m, or use a candles JSON or a backtesting.py CSV)`);
    }
    const { trades } = recording;
    const span = trades.length === 0 ? 0 : Math.floor((trades[trades.length - 1].ts - trades[0].ts) / INTERVAL_MS[options.barInterval]) + 1;
    const progress = options.quiet ? undefined : new ProgressReporter(span, io.stderr);
    result = runCliTradeReplay(trades, options, progress);
    progress?.finish();
    bars = result.equity.length;
    io.stderr(`backtest: ${trades.length} trades replayed into ${bars} ${options.barInterval} bars\n`);
  } else {
    if (options.fill === "intrabar") throw new Error(`--fill intrabar: ${options.data} holds bars; intrabar fills need a trades recording (freqtrade trades .json/.json.gz)`);
    bars = recording.bars.length;
    if (bars < options.slow + 1) io.stderr(`backtest: warning: ${bars} bars is too few for --slow ${options.slow}; no trade can happen\n`);
    const progress = options.quiet ? undefined : new ProgressReporter(bars, io.stderr);
    result = runCliBacktest(recording.bars, recording.intervalMs, options, progress);
    progress?.finish();
  }
  return { result, bars };
}

/** "MAX_ORDER_NOTIONAL x3, MAX_POSITION x1". */
function summarizeRejections(result: BacktestResult): string {
  const counts = new Map<string, number>();
  for (const r of result.rejectedOrders) counts.set(r.code, (counts.get(r.code) ?? 0) + 1);
  return [...counts].map(([code, n]) => `${code} x${n}`).join(", ");
}
