import { runBacktest } from "@/lib/backtest/backtest-engine";
import { medianGap } from "@/lib/backtest/simulated-clock";
import { computeStats, type BacktestStats } from "@/lib/backtest/stats";
import type { BacktestConfig, BacktestTrade, EquityPoint } from "@/lib/backtest/types";
import { dec } from "@/lib/domain/money";
import type { RecordedBar } from "@/lib/market/replay/recording";
import type { Strategy } from "@/lib/strategy/strategy";
import { expandGrid, type ParamGrid, type ParamSet } from "@/lib/backtest/research/params";
import { metricValue, type Metric } from "@/lib/backtest/research/metrics";

export type { ParamGrid, ParamSet } from "@/lib/backtest/research/params";
export { METRICS, metricValue, type Metric, type MetricName } from "@/lib/backtest/research/metrics";

/** Half-open bar index ranges: train [trainStart, trainEnd), test [testStart, testEnd). */
export interface WalkForwardWindow {
  index: number;
  trainStart: number;
  trainEnd: number;
  testStart: number;
  testEnd: number;
}

export interface WalkForwardWindowOptions {
  /** Number of bars in the series. */
  bars: number;
  /** Bars in each training slice (for anchored windows: in the first one). */
  train: number;
  /** Bars in each test slice. */
  test: number;
  /** Bars between successive windows. Default: test (test slices tile the series without overlap). */
  step?: number;
  /** Anchored: every training slice starts at bar 0 and grows by step; rolling (default): it slides by step. */
  anchored?: boolean;
  /** Keep a last window whose test slice is cut short by the end of the series. Default false. */
  partial?: boolean;
}

function positiveInteger(value: number, name: string): void {
  if (!Number.isInteger(value) || value < 1) throw new RangeError(`${name} must be a positive integer: ${value}`);
}

/**
 * Train/test windows over `bars` bars. Each test slice starts right after its training slice ends, so no window
 * trains on a bar at or after its test start. Windows whose test slice would run past the end are dropped
 * (or cut short with `partial`).
 */
export function walkForwardWindows(options: WalkForwardWindowOptions): WalkForwardWindow[] {
  const { bars, train, test } = options;
  const step = options.step ?? test;
  if (!Number.isInteger(bars) || bars < 0) throw new RangeError(`bars must be a non-negative integer: ${bars}`);
  positiveInteger(train, "train");
  positiveInteger(test, "test");
  positiveInteger(step, "step");
  const windows: WalkForwardWindow[] = [];
  for (let k = 0; ; k++) {
    const trainStart = options.anchored ? 0 : k * step;
    const trainEnd = options.anchored ? train + k * step : trainStart + train;
    const testStart = trainEnd;
    if (testStart >= bars) break;
    const fullEnd = testStart + test;
    if (fullEnd > bars && !options.partial) break;
    windows.push({ index: k, trainStart, trainEnd, testStart, testEnd: Math.min(fullEnd, bars) });
    if (fullEnd >= bars) break;
  }
  return windows;
}

/** Backtest settings shared by every run (costs, sizing, fills); each window always closes its trades at its end. */
export type WalkForwardBacktestOptions = Omit<BacktestConfig, "bars" | "strategy" | "strategyFactory" | "warmupBars" | "finalize">;

export interface WalkForwardConfig<P extends ParamSet = ParamSet> extends WalkForwardBacktestOptions {
  bars: readonly RecordedBar[];
  makeStrategy: (params: P) => Strategy;
  /** Candidates searched on each training slice: a grid, an explicit list, or one fixed set. Exactly one. */
  grid?: ParamGrid;
  candidates?: readonly P[];
  params?: P;
  /** Candidates failing it are skipped (e.g. fast < slow). */
  constraint?: (params: P) => boolean;
  train: number;
  test: number;
  step?: number;
  anchored?: boolean;
  partial?: boolean;
  /** Maximised on the training slice to choose each window's parameters. */
  metric: Metric;
  /**
   * Bars before the test start fed to the strategy (decisions discarded, nothing traded) so its indicators are
   * ready at the test start. Default: `train` bars (capped at the bars available). When given, also the Buy &
   * Hold start of the in-sample runs (backtesting.py's indicator warm-up), capped at the slice.
   */
  warmup?: number | ((params: P) => number);
}

export interface CandidateScore<P extends ParamSet = ParamSet> {
  params: P;
  metric: number;
}

export interface WalkForwardWindowResult<P extends ParamSet = ParamSet> {
  window: WalkForwardWindow;
  /** The in-sample winner. */
  params: P;
  inSampleMetric: number;
  outOfSampleMetric: number;
  inSampleStats: BacktestStats;
  outOfSampleStats: BacktestStats;
  /** Every candidate's in-sample score, in search order. */
  candidates: CandidateScore<P>[];
  /** Bars fed to the strategy before the test start without trading. */
  warmupBars: number;
  /** Out-of-sample trades; entryBar/exitBar are indices into the full series (all within the test slice). */
  trades: BacktestTrade[];
  /** Equity at the close of each test bar. */
  equity: EquityPoint[];
  /** Cash the test run started with: the previous window's ending equity (the initial cash for the first). */
  startEquity: string;
  endEquity: string;
}

export interface InSampleGap {
  /** Mean over windows of the in-sample metric (finite values only). */
  meanInSample: number;
  /** Mean over windows of the out-of-sample metric (finite values only). */
  meanOutOfSample: number;
  /** meanInSample - meanOutOfSample: how much the in-sample choice flatters itself. */
  difference: number;
  /** Windows whose in-sample / out-of-sample metric was finite (NaN, e.g. a Sharpe ratio without trades, is left out). */
  inSampleWindows: number;
  outOfSampleWindows: number;
}

export interface WalkForwardResult<P extends ParamSet = ParamSet> {
  windows: WalkForwardWindowResult<P>[];
  /** Stitched out-of-sample equity: each window starts from the previous window's ending equity. */
  equity: EquityPoint[];
  /** Out-of-sample trades of all windows; entryBar/exitBar index the stitched curve (not the full series). */
  trades: BacktestTrade[];
  /** computeStats over the stitched out-of-sample curve. */
  stats: BacktestStats;
  /** The metric of the stitched out-of-sample curve. */
  outOfSampleMetric: number;
  gap: InSampleGap;
}

function finiteMean(values: readonly number[]): { mean: number; count: number } {
  const finite = values.filter((v) => Number.isFinite(v));
  return { mean: finite.length ? finite.reduce((a, b) => a + b, 0) / finite.length : Number.NaN, count: finite.length };
}

/** NaN (no trades, no volatility...) ranks below every number; ties keep the earlier candidate. */
export function better(a: number, b: number): boolean {
  const x = Number.isNaN(a) ? Number.NEGATIVE_INFINITY : a;
  const y = Number.isNaN(b) ? Number.NEGATIVE_INFINITY : b;
  return x > y;
}

/** Passes decisions through only from the bar opening at `from`: earlier bars only warm the strategy up. */
class WarmupGate implements Strategy {
  readonly id: string;
  readonly symbol: string;
  constructor(private readonly inner: Strategy, private readonly from: number) {
    this.id = inner.id;
    this.symbol = inner.symbol;
  }
  onBar(...args: Parameters<Strategy["onBar"]>): ReturnType<Strategy["onBar"]> {
    const decision = this.inner.onBar(...args);
    return args[0].openTime < this.from ? null : decision;
  }
  reset(): void {
    this.inner.reset();
  }
}

function resolveCandidates<P extends ParamSet>(config: WalkForwardConfig<P>): P[] {
  const given = [config.grid, config.candidates, config.params].filter((v) => v !== undefined).length;
  if (given !== 1) throw new RangeError("runWalkForward needs exactly one of grid, candidates or params");
  const all =
    config.params !== undefined ? [config.params] : config.candidates !== undefined ? [...config.candidates] : (expandGrid(config.grid as ParamGrid) as P[]);
  const kept = config.constraint ? all.filter((p) => config.constraint!(p)) : all;
  if (kept.length === 0) throw new RangeError("no parameter set satisfies the constraint");
  return kept;
}

/**
 * Walk-forward analysis. For each window:
 *  1. in sample: every candidate is backtested on the training slice alone (bars [trainStart, trainEnd) — the
 *     engine is never handed a later bar) and the one maximising `metric` is chosen (first one on ties);
 *  2. out of sample: the chosen parameters run on [testStart - warmup, testEnd). Bars before testStart reach the
 *     strategy but its decisions are discarded, so it enters the test slice warmed up and flat; only the equity
 *     and trades from testStart on are kept (all trades fill at or after testStart). The run starts with the
 *     previous window's ending equity and closes its trades at the test slice's last bar.
 * Test bars therefore never influence any choice: a window's parameters depend on bars before its testStart only.
 * Overlapping test slices (step < test) cannot be stitched and are rejected.
 */
export function runWalkForward<P extends ParamSet>(config: WalkForwardConfig<P>): WalkForwardResult<P> {
  const { bars, metric } = config;
  const step = config.step ?? config.test;
  if (step < config.test) throw new RangeError(`step (${step}) < test (${config.test}): overlapping test slices cannot be stitched`);
  const windows = walkForwardWindows({ bars: bars.length, train: config.train, test: config.test, step, anchored: config.anchored, partial: config.partial });
  if (windows.length === 0) throw new RangeError(`${bars.length} bars hold no ${config.train}/${config.test} walk-forward window`);
  const candidates = resolveCandidates(config);
  const base: WalkForwardBacktestOptions = {
    instrument: config.instrument,
    cash: config.cash,
    commission: config.commission,
    spread: config.spread,
    slippageBps: config.slippageBps,
    fill: config.fill,
    exclusiveOrders: config.exclusiveOrders,
    sizing: config.sizing,
    interval: config.interval,
    intervalMs: config.intervalMs ?? (medianGap(bars.map((b) => b.openTime)) || undefined),
  };
  const warmupOf = (params: P): number => {
    const w = typeof config.warmup === "function" ? config.warmup(params) : (config.warmup ?? config.train);
    if (!Number.isInteger(w) || w < 0) throw new RangeError(`warmup must be a non-negative integer: ${w}`);
    return w;
  };

  let cash = dec(config.cash).toFixed();
  const results: WalkForwardWindowResult<P>[] = [];
  for (const window of windows) {
    // In sample: the training slice only.
    const trainBars = bars.slice(window.trainStart, window.trainEnd);
    let best: { params: P; metric: number; stats: BacktestStats } | null = null;
    const scores: CandidateScore<P>[] = [];
    for (const params of candidates) {
      const run = runBacktest({
        ...base,
        bars: trainBars,
        strategy: config.makeStrategy(params),
        // Buy & Hold from the end of an explicit warm-up (the default warm-up, `train` bars, would span the slice).
        warmupBars: config.warmup === undefined ? 0 : Math.min(warmupOf(params), trainBars.length - 1),
      });
      const value = metricValue(metric, run.stats);
      scores.push({ params, metric: value });
      if (best === null || better(value, best.metric)) best = { params, metric: value, stats: run.stats };
    }
    const chosen = best!;

    // Out of sample: warm up on earlier bars, trade the test slice only.
    const warmupBars = Math.min(warmupOf(chosen.params), window.testStart);
    const from = window.testStart - warmupBars;
    const runBars = bars.slice(from, window.testEnd);
    const run = runBacktest({
      ...base,
      cash,
      bars: runBars,
      strategy: new WarmupGate(config.makeStrategy(chosen.params), bars[window.testStart].openTime),
    });
    const testBars = bars.slice(window.testStart, window.testEnd);
    const equity = run.equity.slice(warmupBars);
    const local = run.trades.map((t) => ({ ...t, entryBar: t.entryBar - warmupBars, exitBar: t.exitBar - warmupBars }));
    if (local.some((t) => t.entryBar < 0)) throw new Error("walk-forward: a trade opened during the warm-up");
    const oosStats = computeStats({
      times: testBars.map((b) => b.openTime),
      closes: testBars.map((b) => b.close),
      equity: equity.map((p) => Number(p.equity)),
      trades: local,
    });
    const endEquity = equity[equity.length - 1].equity;
    results.push({
      window,
      params: chosen.params,
      inSampleMetric: chosen.metric,
      outOfSampleMetric: metricValue(metric, oosStats),
      inSampleStats: chosen.stats,
      outOfSampleStats: oosStats,
      candidates: scores,
      warmupBars,
      trades: local.map((t) => ({ ...t, entryBar: t.entryBar + window.testStart, exitBar: t.exitBar + window.testStart })),
      equity,
      startEquity: cash,
      endEquity,
    });
    cash = endEquity;
  }

  // Stitched out-of-sample curve.
  const equity: EquityPoint[] = [];
  const trades: BacktestTrade[] = [];
  const times: number[] = [];
  const closes: number[] = [];
  for (const w of results) {
    const offset = equity.length;
    for (const t of w.trades) {
      trades.push({ ...t, entryBar: t.entryBar - w.window.testStart + offset, exitBar: t.exitBar - w.window.testStart + offset });
    }
    equity.push(...w.equity);
    for (let i = w.window.testStart; i < w.window.testEnd; i++) {
      times.push(bars[i].openTime);
      closes.push(bars[i].close);
    }
  }
  const stats = computeStats({ times, closes, equity: equity.map((p) => Number(p.equity)), trades });
  const is = finiteMean(results.map((w) => w.inSampleMetric));
  const oos = finiteMean(results.map((w) => w.outOfSampleMetric));
  return {
    windows: results,
    equity,
    trades,
    stats,
    outOfSampleMetric: metricValue(metric, stats),
    gap: {
      meanInSample: is.mean,
      meanOutOfSample: oos.mean,
      difference: is.mean - oos.mean,
      inSampleWindows: is.count,
      outOfSampleWindows: oos.count,
    },
  };
}
