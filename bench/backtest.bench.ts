import { parseArgs } from "@/lib/backtest/cli/options";
import { runCliBacktest } from "@/lib/backtest/cli/run-cli";
import { bareSmaCrossLoop } from "./backtest/bare-loop";
import { DATA_FILE, loadBenchBars, passesFor } from "./backtest/data";
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
const TRADES_NOTE =
  "Trades replayed per second: not measured. The backtest core (runBacktest) runs on bars only; replaying recorded trade prints (freqtrade trades, intrabar fills) is not implemented yet, and the CLI rejects a trades file.";

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

function engineOptions() {
  const parsed = parseArgs(["--data", DATA_FILE, "--fast", String(FAST), "--slow", String(SLOW), "--symbol", "UNITTEST_BTC", "--quiet"]);
  if (parsed.help) throw new Error("unreachable");
  return parsed.options;
}

/** Backtest speed in bars per second, beside the bare loop, on the freqtrade 1-minute candles. */
export async function run(): Promise<BenchResult> {
  const data = await loadBenchBars();
  if (data === null) return skipped();
  const { bars, intervalMs } = data;
  const options = engineOptions();
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

  return {
    name,
    title: TITLE,
    environment: currentEnvironment(),
    table: {
      columns: ["", "bars/measurement", "repetitions", "bars/s (median)", "vs baseline", "trades replayed/s"],
      rows: [
        ["bare SMA loop (baseline)", formatRate(base.barsPerMeasurement), String(base.repetitions), formatRate(base.barsPerSecond), "1.00x", "-"],
        ["backtest engine", formatRate(eng.barsPerMeasurement), String(eng.repetitions), formatRate(eng.barsPerSecond), `${formatRatio(1 / slowdown)} (${slowdown.toFixed(0)}x slower)`, "n/a"],
      ],
    },
    target: { description: TARGET, met },
    notes: [
      `Data: ${data.file} (${bars.length} 1-minute bars), run ${passes} times per measurement (${formatRate(passes * bars.length)} bars); each engine pass is a complete backtest: runBacktest with MaCrossStrategy through the PaperBroker and exact-decimal Portfolio, equity curve and computeStats, the CLI's defaults (cash 10000, all-in whole units, next-open fills, exclusive orders, finalize), ${tradesPerRun} trades per pass.`,
      `The 13,681 bars are re-run rather than concatenated into one 1M-bar series: runBacktest on a single ~137k-bar series throws "Maximum call stack size exceeded" (computeStats spreads the equity array into Math.max), so series much longer than ~100k bars cannot be backtested in one run yet.`,
      `Baseline: the same two SimpleMovingAverage indicators and the strict crossover test in a bare loop over the same bars (${base.repetitions} repetitions). Engine: ${eng.repetitions} repetition(s) within a ~${ENGINE_BUDGET_SECONDS} s budget, after ${WARMUP_PASSES} warm-up passes of each; medians shown.`,
      TRADES_NOTE,
      `Target ${met ? "met" : "NOT met"}: ${formatRate(eng.barsPerSecond)} bars/s against ${formatRate(TARGET_BARS_PER_SECOND)} bars/s. Single-threaded, one core.`,
    ],
    figures: {
      config: { file: data.file, barsPerPass: bars.length, passes, fast: FAST, slow: SLOW, minBarsPerMeasurement: MIN_BARS_PER_MEASUREMENT, warmupPasses: WARMUP_PASSES, options },
      targetBarsPerSecond: TARGET_BARS_PER_SECOND,
      targetMet: met,
      baseline: { ...base, crosses: sink },
      engine: { ...eng, tradesPerPass: tradesPerRun, finalEquity: reference.stats.equityFinal },
      ratio: { engineOverBaseline: 1 / slowdown, slowdown },
      tradesReplayedPerSecond: null,
      tradesReplayedNote: TRADES_NOTE,
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
    notes: [note, TRADES_NOTE],
    figures: { skipped: true, reason: note, targetBarsPerSecond: TARGET_BARS_PER_SECOND, targetMet: false },
  };
}
