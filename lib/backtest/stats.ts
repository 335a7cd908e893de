import type { BacktestTrade } from "@/lib/backtest/types";
import { medianGap } from "@/lib/backtest/simulated-clock";

const DAY_MS = 86_400_000;
/** The largest time value a Date holds (ECMAScript TimeClip). */
const MAX_TIME_MS = 8.64e15;

/**
 * backtesting.py's statistics (backtesting/_stats.py, compute_stats). Floats: these are measurements, not money.
 * Durations are in ms; NaN where backtesting.py gives NaN/NaT.
 */
export interface BacktestStats {
  start: number;
  end: number;
  durationMs: number;
  exposureTimePct: number;
  equityFinal: number;
  equityPeak: number;
  commissions: number;
  returnPct: number;
  buyAndHoldReturnPct: number;
  returnAnnPct: number;
  volatilityAnnPct: number;
  cagrPct: number;
  sharpeRatio: number;
  sortinoRatio: number;
  calmarRatio: number;
  alphaPct: number;
  beta: number;
  maxDrawdownPct: number;
  avgDrawdownPct: number;
  maxDrawdownDurationMs: number;
  avgDrawdownDurationMs: number;
  trades: number;
  winRatePct: number;
  bestTradePct: number;
  worstTradePct: number;
  avgTradePct: number;
  maxTradeDurationMs: number;
  avgTradeDurationMs: number;
  profitFactor: number;
  expectancyPct: number;
  sqn: number;
  kellyCriterion: number;
}

export interface StatsInput {
  /** Bar open times (ms, UTC). */
  times: readonly number[];
  closes: readonly number[];
  /** Account equity after each bar. */
  equity: readonly number[];
  /** Closed trades only. */
  trades: readonly BacktestTrade[];
  /** Buy & Hold is measured from this bar's close (backtesting.py: the indicator warm-up). */
  warmupBars?: number;
  /** Risk-free rate, a fraction per year. Default 0. */
  riskFreeRate?: number;
}

export function computeStats(input: StatsInput): BacktestStats {
  const { times, closes, equity, trades } = input;
  const n = equity.length;
  const rf = input.riskFreeRate ?? 0;
  const period = medianGap(times);
  const round = (ms: number) => ceilToResolution(ms, period);

  const dd = drawdowns(equity);
  const { durations: ddDurations, peaks: ddPeaks } = drawdownPeriods(dd, times);

  const start = times[0];
  const end = times[n - 1];
  const durationMs = end - start;
  const havePosition = new Uint8Array(n);
  for (const t of trades) havePosition.fill(1, t.entryBar, Math.min(t.exitBar + 1, n));
  const exposureTimePct = (sum(havePosition) / n) * 100;
  const equityFinal = equity[n - 1];
  const equityPeak = maxOf(equity);
  const returnPct = ((equityFinal - equity[0]) / equity[0]) * 100;
  const first = Math.min(Math.max(input.warmupBars ?? 0, 0), n - 1);
  const buyAndHoldReturnPct = ((closes[n - 1] - closes[first]) / closes[first]) * 100;

  const { annualDays, returns: dayReturns } = periodReturns(times, equity, period);
  // The reference (backtesting.py 0.6.x at 9c2b8e1) averages the period returns without pct_change's leading NaN;
  // counting it as a 0 return (older versions) gives Return (Ann.) 21.18026 % instead of 21.19110 %.
  const gmean = geometricMean(dayReturns);
  const annualizedReturn = (1 + gmean) ** annualDays - 1;
  const returnAnnPct = annualizedReturn * 100;
  const variance = sampleVariance(dayReturns);
  const volatilityAnnPct = Math.sqrt((variance + (1 + gmean) ** 2) ** annualDays - (1 + gmean) ** (2 * annualDays)) * 100;
  const timeInYears = durationMs / DAY_MS / CAGR_DAYS_PER_YEAR;
  const cagrPct = timeInYears ? ((equityFinal / equity[0]) ** (1 / timeInYears) - 1) * 100 : Number.NaN;
  const sharpeRatio = (returnAnnPct - rf * 100) / (volatilityAnnPct || Number.NaN);
  const downside = Math.sqrt(mean(dayReturns.map((r) => Math.min(r, 0) ** 2))) * Math.sqrt(annualDays);
  const sortinoRatio = (annualizedReturn - rf) / downside;
  const maxDd = n === 0 ? 0 : maxOf(dd);
  const calmarRatio = annualizedReturn / (maxDd || Number.NaN);

  const equityLog = new Float64Array(Math.max(n - 1, 0));
  const marketLog = new Float64Array(equityLog.length);
  for (let i = 1; i < n; i++) {
    equityLog[i - 1] = Math.log(equity[i] / equity[i - 1]);
    marketLog[i - 1] = Math.log(closes[i] / closes[i - 1]);
  }
  const beta = equityLog.length > 1 ? covariance(equityLog, marketLog) / covariance(marketLog, marketLog) : Number.NaN;
  const alphaPct = returnPct - rf * 100 - beta * (buyAndHoldReturnPct - rf * 100);

  const pl = trades.map((t) => Number(t.pnl));
  const rets = trades.map((t) => t.returnPct);
  const tradeDurations = trades.map((t) => t.exitTime - t.entryTime);
  const nTrades = trades.length;
  const winRate = nTrades ? pl.filter((p) => p > 0).length / nTrades : Number.NaN;
  const wins = pl.filter((p) => p > 0);
  const losses = pl.filter((p) => p < 0);
  const positive = sum(rets.filter((r) => r > 0));
  const negative = Math.abs(sum(rets.filter((r) => r < 0)));

  return {
    start,
    end,
    durationMs,
    exposureTimePct,
    equityFinal,
    equityPeak,
    commissions: sum(trades.map((t) => Number(t.commission))),
    returnPct,
    buyAndHoldReturnPct,
    returnAnnPct,
    volatilityAnnPct,
    cagrPct,
    sharpeRatio,
    sortinoRatio,
    calmarRatio,
    alphaPct,
    beta,
    maxDrawdownPct: -maxDd * 100,
    avgDrawdownPct: -mean(ddPeaks) * 100,
    maxDrawdownDurationMs: round(ddDurations.length ? maxOf(ddDurations) : Number.NaN),
    avgDrawdownDurationMs: round(mean(ddDurations)),
    trades: nTrades,
    winRatePct: winRate * 100,
    bestTradePct: nTrades ? maxOf(rets) * 100 : Number.NaN,
    worstTradePct: nTrades ? minOf(rets) * 100 : Number.NaN,
    avgTradePct: nTrades ? geometricMean(rets) * 100 : Number.NaN,
    maxTradeDurationMs: round(nTrades ? maxOf(tradeDurations) : Number.NaN),
    avgTradeDurationMs: round(mean(tradeDurations)),
    profitFactor: positive / (negative || Number.NaN),
    expectancyPct: mean(rets) * 100,
    sqn: (Math.sqrt(nTrades) * mean(pl)) / (Math.sqrt(sampleVariance(pl)) || Number.NaN),
    kellyCriterion: winRate - (1 - winRate) / (mean(wins) / -mean(losses)),
  };
}

/**
 * Days per year in CAGR's time span. backtesting.py at the reference commit gives CAGR 21.160245705962623 % for
 * 3116 days, which 365.25 reproduces (its older `Duration / annual_trading_days` gave 14.16 %).
 */
export const CAGR_DAYS_PER_YEAR = 365.25;

/** 1 - equity / running peak. */
export function drawdowns(equity: readonly number[]): number[] {
  let peak = Number.NEGATIVE_INFINITY;
  return equity.map((e) => {
    if (e > peak) peak = e;
    return 1 - e / peak;
  });
}

/**
 * backtesting.py's compute_drawdown_duration_peaks: a drawdown period runs between two bars at a peak (dd == 0,
 * or the last bar) more than one bar apart; its duration is the time between them and its depth the largest dd.
 */
export function drawdownPeriods(dd: readonly number[], times: readonly number[]): { durations: number[]; peaks: number[] } {
  const marks: number[] = [];
  dd.forEach((v, i) => {
    if (v === 0) marks.push(i);
  });
  if (dd.length > 0 && marks[marks.length - 1] !== dd.length - 1) marks.push(dd.length - 1);
  const durations: number[] = [];
  const peaks: number[] = [];
  for (let k = 1; k < marks.length; k++) {
    const prev = marks[k - 1];
    const at = marks[k];
    if (at <= prev + 1) continue;
    durations.push(times[at] - times[prev]);
    let deepest = Number.NEGATIVE_INFINITY;
    for (let i = prev; i <= at; i++) deepest = Math.max(deepest, dd[i]);
    peaks.push(deepest);
  }
  return { durations, peaks };
}

/**
 * Equity resampled to days (weeks, months or years for such bars) and its simple returns, with the periods a
 * year backtesting.py uses: 252 trading days, or 365 when weekends hold more than 60 % of their share of bars.
 */
export function periodReturns(times: readonly number[], equity: readonly number[], period: number): { annualDays: number; returns: number[] } {
  const freqDays = Math.floor(period / DAY_MS);
  let weekendBars = 0;
  for (const t of times) {
    const day = utcWeekday(t);
    if (day === 0 || day === 6) weekendBars++;
  }
  const weekendShare = weekendBars / (times.length || 1);
  const annualDays = freqDays === 7 ? 52 : freqDays === 31 ? 12 : freqDays === 365 ? 1 : weekendShare > (2 / 7) * 0.6 ? 365 : 252;
  const bucket = (t: number): number => {
    if (freqDays === 7) return Math.floor((Math.floor(t / DAY_MS) + 3) / 7); // weeks ending Sunday
    if (freqDays === 31) {
      const d = new Date(t);
      return d.getUTCFullYear() * 12 + d.getUTCMonth();
    }
    if (freqDays === 365) return new Date(t).getUTCFullYear();
    return Math.floor(t / DAY_MS);
  };
  const last: number[] = [];
  let key = Number.NaN;
  times.forEach((t, i) => {
    const k = bucket(t);
    if (k === key) last[last.length - 1] = equity[i];
    else last.push(equity[i]);
    key = k;
  });
  const returns: number[] = [];
  for (let i = 1; i < last.length; i++) returns.push(last[i] / last[i - 1] - 1);
  return { annualDays, returns };
}

/** new Date(t).getUTCDay() without a Date per bar: the ECMAScript WeekDay of the clipped time value. */
function utcWeekday(t: number): number {
  const ms = Math.trunc(t);
  if (!(Math.abs(ms) <= MAX_TIME_MS)) return Number.NaN;
  return (((Math.floor(ms / DAY_MS) + 4) % 7) + 7) % 7;
}

export function geometricMean(returns: readonly number[]): number {
  if (returns.some((r) => r + 1 <= 0)) return 0;
  if (returns.length === 0) return Number.NaN;
  return Math.exp(sum(returns.map((r) => Math.log(r + 1))) / returns.length) - 1;
}

/** Ceils a duration to the bar period's resolution (days, hours, minutes, seconds), as pandas' Timedelta.ceil. */
export function ceilToResolution(ms: number, period: number): number {
  if (!Number.isFinite(ms)) return ms;
  const unit = [DAY_MS, 3_600_000, 60_000, 1_000].find((u) => period > 0 && period % u === 0) ?? 1;
  return Math.ceil(ms / unit) * unit;
}

/** pandas Timedelta text: "584 days 00:00:00". */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms)) return "NaT";
  const days = Math.floor(ms / DAY_MS);
  const rest = ms - days * DAY_MS;
  const pad = (v: number) => String(v).padStart(2, "0");
  const h = Math.floor(rest / 3_600_000);
  const m = Math.floor((rest % 3_600_000) / 60_000);
  const s = Math.floor((rest % 60_000) / 1_000);
  return `${days} days ${pad(h)}:${pad(m)}:${pad(s)}`;
}

function sum(values: ArrayLike<number>): number {
  let total = 0;
  for (let i = 0; i < values.length; i++) total += values[i];
  return total;
}

function mean(values: ArrayLike<number>): number {
  return values.length ? sum(values) / values.length : Number.NaN;
}

function sampleVariance(values: readonly number[]): number {
  return covariance(values, values);
}

function covariance(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length < 2) return Number.NaN;
  const ma = mean(a);
  const mb = mean(b);
  let total = 0;
  for (let i = 0; i < a.length; i++) total += (a[i] - ma) * (b[i] - mb);
  return total / (a.length - 1);
}

// Spreading a long series into Math.max overflows the call stack past ~100,000 values; a loop does not.
function maxOf(values: readonly number[]): number {
  let max = -Infinity;
  for (const v of values) if (v > max) max = v;
  return max;
}

function minOf(values: readonly number[]): number {
  let min = Infinity;
  for (const v of values) if (v < min) min = v;
  return min;
}
