import { parseArgs } from "@/lib/backtest/cli/options";
import { inferTickSize, runCliBacktest, runCliTradeReplay } from "@/lib/backtest/cli/run-cli";
import { bareSmaCrossLoop } from "./backtest/bare-loop";
import { DATA_FILE, loadBenchBars, loadBenchTrades, passesFor, TRADES_FILE } from "./backtest/data";
import type { BenchResult } from "./harness/bench-result";
import { currentEnvironment } from "./harness/environment";
import { formatRate, formatRatio } from "./harness/format";
import { median } from "./harness/stats";

export const name = "backtest";

const FAST = 10;
const SLOW = 30;
const MIN_BARS_PER_MEASUREMENT = 1_000_000;
const TARGET_BARS_PER_SECOND = 1_000_000;
const BASELINE_REPETITIONS = 5;
const ENGINE_MAX_REPETITIONS = 3;
/** Engine repetitions stop once this much time has gone on them (one measurement always runs). */
const ENGINE_BUDGET_SECONDS = 25;
const WARMUP_PASSES = 3;
const TITLE = `Backtest speed: SMA cross ${FAST}/${SLOW} on freqtrade 1m candles, engine vs a bare SMA loop`;
const TARGET = `engine >= ${formatRate(TARGET_BARS_PER_SECOND)} bars/s (rule strategy, one core)`;
const MIN_TRADES_PER_MEASUREMENT = 200_000;
const TRADE_REPETITIONS = 3;

interface Side {
  barsPerMeasurement: number;
  passesPerMeasurement: number;
  repetitions: number;
  barsPerSecond: number;
  samples: number[];
}

/** Wall time of `passes` passes of fn over the data, as bars per second. */
function timed(passes: number, barsPerPass: number, fn: () => void): number {
  const start = process.hrtime.bigint();
  for (let p = 0; p < passes; p++) fn();
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  return (passes * barsPerPass) / seconds;
}

/**
 * The CLI's options, the tick size given (inferred once here). runCliBacktest still infers it over the data on every
 * pass (lib/backtest/cli/run-cli.ts), so that inference is inside the timing (about 5 % of a pass when measured).
 */
function engineOptions(symbol: string, tickSize: string, ...extra: string[]) {
  const parsed = parseArgs(["--data", DATA_FILE, "--fast", String(FAST), "--slow", String(SLOW), "--symbol", symbol, "--tick-size", tickSize, "--quiet", ...extra]);
  if (parsed.help) throw new Error("unreachable");
  return parsed.options;
}

interface TradeReplaySpeed {
  file: string;
  tradesPerPass: number;
  passes: number;
  samples: number[];
  tradesPerSecond: number;
  barsPerPass: number;
  fillsPerPass: number;
}

/** Intrabar mode: the same SMA cross on 1-minute bars built from recorded prints, orders filled on the prints. */
async function tradeReplaySpeed(): Promise<TradeReplaySpeed | null> {
  const data = await loadBenchTrades();
  if (data === null) return null;
  const { trades } = data;
  const prices = trades.map((t) => ({ openTime: t.ts, open: t.price, high: t.price, low: t.price, close: t.price, volume: t.size }));
  const options = engineOptions("XRP_ETH", inferTickSize(prices), "--fill", "intrabar", "--bar-interval", "1m");
  const replay = () => runCliTradeReplay(trades, options);
  const reference = replay();
  for (let i = 0; i < WARMUP_PASSES; i++) replay();
  const passes = passesFor(trades.length, MIN_TRADES_PER_MEASUREMENT);
  const samples: number[] = [];
  for (let r = 0; r < TRADE_REPETITIONS; r++) samples.push(timed(passes, trades.length, replay));
  return { file: data.file, tradesPerPass: trades.length, passes, samples, tradesPerSecond: median(samples), barsPerPass: reference.equity.length, fillsPerPass: reference.fills.length };
}

function tradesNote(speed: TradeReplaySpeed | null): string {
  if (speed === null) return `Trades replayed per second: not measured, ${TRADES_FILE} not found.`;
  return `Trades replayed per second: ${formatRate(speed.tradesPerSecond)} (median of ${speed.samples.length}), fill intrabar on ${speed.file}: ${speed.tradesPerPass} prints aggregated into ${speed.barsPerPass} 1-minute bars by the live BarAggregator, every print through PaperBroker.onTick, ${speed.fillsPerPass} fills per pass, ${speed.passes} passes per measurement.`;
}

/** Backtest speed in bars per second, beside the bare loop, on the freqtrade 1-minute candles. */
export async function run(): Promise<BenchResult> {
  const data = await loadBenchBars();
  if (data === null) return skipped();
  const { bars, intervalMs } = data;
  const options = engineOptions("UNITTEST_BTC", inferTickSize(bars));
  const passes = passesFor(bars.length, MIN_BARS_PER_MEASUREMENT);
  const engine = () => runCliBacktest(bars, intervalMs, options);
  let sink = 0;
  const baseline = () => {
    sink += bareSmaCrossLoop(bars, FAST, SLOW);
  };

  const reference = engine();
  for (let i = 0; i < WARMUP_PASSES; i++) {
    engine();
    baseline();
  }

  const baselineSamples: number[] = [];
  for (let r = 0; r < BASELINE_REPETITIONS; r++) baselineSamples.push(timed(passes, bars.length, baseline));
  const engineSamples: number[] = [];
  const engineStart = performance.now();
  while (engineSamples.length < ENGINE_MAX_REPETITIONS) {
    engineSamples.push(timed(passes, bars.length, engine));
    if ((performance.now() - engineStart) / 1000 > ENGINE_BUDGET_SECONDS * (engineSamples.length / (engineSamples.length + 1))) break;
  }

  const side = (samples: number[]): Side => ({
    barsPerMeasurement: passes * bars.length,
    passesPerMeasurement: passes,
    repetitions: samples.length,
    barsPerSecond: median(samples),
    samples,
  });
  const base = side(baselineSamples);
  const eng = side(engineSamples);
  const slowdown = base.barsPerSecond / eng.barsPerSecond;
  const met = eng.barsPerSecond >= TARGET_BARS_PER_SECOND;
  const tradesPerRun = reference.trades.length;
  const ordersPerRun = reference.orders.length;
  const fillsPerRun = reference.fills.length;
  const replay = await tradeReplaySpeed();
  const tradesReplayedNote = tradesNote(replay);

  return {
    name,
    title: TITLE,
    environment: currentEnvironment(),
    table: {
      columns: ["", "bars/measurement", "repetitions", "bars/s (median)", "vs baseline", "trades replayed/s"],
      rows: [
        ["bare SMA loop (baseline)", formatRate(base.barsPerMeasurement), String(base.repetitions), formatRate(base.barsPerSecond), "1.00x", "-"],
        ["backtest engine", formatRate(eng.barsPerMeasurement), String(eng.repetitions), formatRate(eng.barsPerSecond), `${formatRatio(1 / slowdown)} (${slowdown.toFixed(0)}x slower)`, replay === null ? "n/a" : formatRate(replay.tradesPerSecond)],
      ],
    },
    target: { description: TARGET, met },
    notes: [
      `Data: ${data.file} (${bars.length} 1-minute bars), run ${passes} times per measurement (${formatRate(passes * bars.length)} bars); each engine pass is a complete backtest with the CLI's defaults (cash 10000, all-in whole units, next-open fills, exclusive orders, finalize): runCliBacktest -> runBacktest with MaCrossStrategy.`,
      `Per pass the engine: walks every bar on the simulated clock and hands it, closed, to the strategy; sends prints to the PaperBroker only on bars where an order is pending or resting; turns each of the strategy's targets into orders (${ordersPerRun} per pass) through the live pre-trade gate to the PaperBroker; applies each fill (${fillsPerRun} per pass) once to the exact-decimal Portfolio and the trade book (${tradesPerRun} trades, exact P&L and commission); keeps the per-bar equity as a float re-derived from the Portfolio at every fill (its last point exact); then formats the equity curve (one decimal string per bar) and runs computeStats.`,
      `Profile (node --cpu-prof, this data, after the changes of issue 4): about 60 % of runBacktest is the order path (decimal.js arithmetic in sizing, broker fills, Portfolio and trade records, and the objects the live Order/Fill contract needs), 15-20 % garbage collection, 10-15 % the result (a float-to-string per equity point, statistics), the rest the bar loop and the strategy. The 1M bars/s target would need the per-fill cost and the per-bar equity strings of the result contract both gone; it is not met.`,
      `The 13,681 bars are re-run (not concatenated) to reach at least 1M bars per measurement, so each pass is the same complete backtest.`,
      `Baseline: the same two SimpleMovingAverage indicators and the strict crossover test in a bare loop over the same bars (${base.repetitions} repetitions). Engine: ${eng.repetitions} repetition(s) within a ~${ENGINE_BUDGET_SECONDS} s budget, after ${WARMUP_PASSES} warm-up passes of each; medians shown.`,
      tradesReplayedNote,
      `Target ${met ? "met" : "NOT met"}: ${formatRate(eng.barsPerSecond)} bars/s against ${formatRate(TARGET_BARS_PER_SECOND)} bars/s. Single-threaded, one core.`,
    ],
    figures: {
      config: { file: data.file, barsPerPass: bars.length, passes, fast: FAST, slow: SLOW, minBarsPerMeasurement: MIN_BARS_PER_MEASUREMENT, warmupPasses: WARMUP_PASSES, options },
      targetBarsPerSecond: TARGET_BARS_PER_SECOND,
      targetMet: met,
      baseline: { ...base, crosses: sink },
      engine: { ...eng, tradesPerPass: tradesPerRun, ordersPerPass: ordersPerRun, fillsPerPass: fillsPerRun, finalEquity: reference.stats.equityFinal },
      ratio: { engineOverBaseline: 1 / slowdown, slowdown },
      tradesReplayedPerSecond: replay?.tradesPerSecond ?? null,
      tradeReplay: replay,
      tradesReplayedNote,
    },
  };
}

function skipped(): BenchResult {
  const note = `SKIPPED: ${DATA_FILE} not found (the freqtrade test data belongs in ../shared/data beside the repository); no figures measured, target reported as not met.`;
  console.log(`backtest benchmark ${note}`);
  return {
    name,
    title: TITLE,
    environment: currentEnvironment(),
    table: { columns: ["", "bars/s"], rows: [["skipped: no data", "-"]] },
    target: { description: TARGET, met: false },
    notes: [note],
    figures: { skipped: true, reason: note, targetBarsPerSecond: TARGET_BARS_PER_SECOND, targetMet: false },
  };
}
