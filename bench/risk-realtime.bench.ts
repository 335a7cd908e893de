import type { RiskLimits } from "@/lib/domain/account";
import { RiskState } from "@/lib/engine/risk-state";
import { Portfolio } from "@/lib/portfolio/portfolio";
import { RiskMonitor } from "@/lib/risk/realtime/risk-monitor";
import type { BenchResult } from "./harness/bench-result";
import { currentEnvironment } from "./harness/environment";
import { formatMicros, formatRate } from "./harness/format";
import type { LatencySummary } from "./harness/stats";
import { latencyOf } from "./models/latency";

export const name = "risk-realtime";

const TITLE = "Real-time risk loop per tick with 100 open positions: portfolio marking alone vs marking + the risk monitor";
const POSITIONS = 100;
const ROUNDS = 20_000;
const TARGET_US = 100;
const TARGET = `p99 < ${TARGET_US} µs for one tick that marks all ${POSITIONS} open positions and runs the risk monitor on each mark (one core)`;
/** Every check on, as the live engine runs them (config defaults plus protections). */
const LIMITS: RiskLimits = {
  maxOrderNotional: "50000", maxPositionFraction: "0.01", maxDailyLossFraction: "0.005", maxDrawdownFraction: "0.1", staleDataMs: 30_000,
  rejectBurst: { count: 5, windowMs: 60_000 }, flattenOnHalt: true,
  protections: { stoplossGuard: { count: 3, windowMs: 3_600_000, pauseMs: 3_600_000 }, cooldownAfterExitMs: 300_000, lowProfit: { windowMs: 86_400_000, minProfitFraction: "0", pauseMs: 3_600_000 } },
};

interface Book {
  /** Each book keeps its own clock: one timed phase must not make the other's positions look stale. */
  now: number;
  portfolio: Portfolio;
  monitor: RiskMonitor;
  trips: number;
}

const symbols = Array.from({ length: POSITIONS }, (_, i) => `SYM${String(i).padStart(3, "0")}USDT`);

/** 100 positions of 1 unit bought at 100, 1,000,000 of cash: prices wander ±0.1 %, far from every limit. */
function openBook(start: number): Book {
  const portfolio = new Portfolio({ initialCash: "1000000" });
  symbols.forEach((symbol, i) => {
    portfolio.applyFill({ id: `f${i}`, orderId: `o${i}`, clientOrderId: `c${i}`, accountId: "bench", symbol, side: "BUY", quantity: "1", price: "100", fee: "0", liquidity: "TAKER", ts: start });
    portfolio.mark(symbol, 100, start);
  });
  const book: Book = { now: start, portfolio, trips: 0, monitor: undefined as unknown as RiskMonitor };
  const risk = new RiskState("bench", LIMITS);
  book.monitor = new RiskMonitor({ risk, portfolio, accountId: "bench", trip: () => void (book.trips += 1), paused: () => undefined, baselinesChanged: () => undefined }, { marks: null }, start);
  return book;
}

/** Prices for every round and position, made before timing so the timed loop allocates nothing of its own. */
function pricePath(): Float64Array {
  const prices = new Float64Array(ROUNDS * POSITIONS);
  let seed = 42;
  for (let i = 0; i < prices.length; i++) {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    prices[i] = 100 * (1 + ((seed / 2_147_483_648) - 0.5) * 0.002);
  }
  return prices;
}

interface Latencies {
  markRound: LatencySummary;
  loopRound: LatencySummary;
  markOne: LatencySummary;
  loopOne: LatencySummary;
  exactEquity: LatencySummary;
}

function measure(prices: Float64Array, start: number): { latencies: Latencies; trips: number } {
  const baseline = openBook(start);
  const loop = openBook(start);
  const round = (book: Book, withMonitor: boolean) => (r: number) => {
    const now = ++book.now;
    const offset = (r % ROUNDS) * POSITIONS;
    for (let p = 0; p < POSITIONS; p++) {
      const price = prices[offset + p];
      book.portfolio.mark(symbols[p], price, now);
      if (withMonitor) book.monitor.onPrint(symbols[p], price, now);
    }
  };
  const one = (book: Book, withMonitor: boolean) => (i: number) => {
    const now = ++book.now;
    const symbol = symbols[i % POSITIONS];
    const price = prices[i % prices.length];
    book.portfolio.mark(symbol, price, now);
    if (withMonitor) book.monitor.onPrint(symbol, price, now);
  };
  const markRound = latencyOf(ROUNDS, round(baseline, false));
  const loopRound = latencyOf(ROUNDS, round(loop, true));
  const markOne = latencyOf(ROUNDS * 10, one(baseline, false));
  const loopOne = latencyOf(ROUNDS * 10, one(loop, true));
  let sink = 0;
  const exactEquity = latencyOf(ROUNDS, (i) => {
    one(baseline, false)(i);
    sink += baseline.portfolio.equity().toNumber();
  });
  if (Number.isNaN(sink)) throw new Error("equity is NaN");
  return { latencies: { markRound, loopRound, markOne, loopOne, exactEquity }, trips: loop.trips };
}

/** The risk monitor's cost per tick beside portfolio marking alone, measured in the same run. */
export async function run(): Promise<BenchResult> {
  const start = Date.UTC(2026, 0, 7, 12);
  const { latencies: l, trips } = measure(pricePath(), start);
  const met = l.loopRound.p99Us < TARGET_US;
  const row = (label: string, s: LatencySummary, base: LatencySummary | null, target: string) => [
    label, formatRate(s.samples), formatMicros(s.p50Us), formatMicros(s.p99Us), formatMicros(s.p999Us), formatMicros(s.maxUs),
    base === null ? "-" : formatMicros(s.p50Us - base.p50Us), target,
  ];
  return {
    name,
    title: TITLE,
    environment: currentEnvironment(),
    table: {
      columns: ["per tick", "calls", "p50 µs", "p99 µs", "p99.9 µs", "max µs", "p50 over baseline µs", "p99 target µs"],
      rows: [
        row(`mark ${POSITIONS} positions (baseline)`, l.markRound, null, "-"),
        row(`mark ${POSITIONS} positions + risk monitor on each`, l.loopRound, l.markRound, `< ${TARGET_US}: ${met ? "met" : "NOT met"}`),
        row("mark 1 position (baseline)", l.markOne, null, "-"),
        row("mark 1 position + risk monitor", l.loopOne, l.markOne, "-"),
        row("mark 1 position + exact decimal equity (reference)", l.exactEquity, l.markOne, "-"),
      ],
    },
    target: { description: TARGET, met },
    notes: [
      `${POSITIONS} open positions of 1 unit around 100 on 1,000,000 of cash; prices wander ±0.1 % (seeded), so no limit is near and no trip fires (trips seen: ${trips}). Limits: daily loss 0.5 %, drawdown 10 %, stale data 30 s, reject burst, and every protection on.`,
      `A tick of the first two rows marks all ${POSITIONS} positions (${formatRate(ROUNDS)} ticks); the risk monitor runs on each mark, as the engine runs it on every print: a float equity estimate moved by the mark (summed again every 1,024 marks), the daily loss and drawdown checks, and a scan of every open position for stale data at most every 100 ms. The exact decimal checks only run when the estimate is within 1e-9 of a limit; the last row shows what a decimal equity per print would cost instead.`,
      `Each call timed with process.hrtime.bigint around it (included), after a warm-up; single thread; the baseline and the loop are measured in the same run. Run on an otherwise idle machine.`,
      `Target ${met ? "met" : "NOT met"}: p99 ${formatMicros(l.loopRound.p99Us)} µs per tick of ${POSITIONS} marks with the monitor (baseline ${formatMicros(l.markRound.p99Us)} µs).`,
    ],
    figures: { positions: POSITIONS, rounds: ROUNDS, targetUs: TARGET_US, targetMet: met, tripsSeen: trips, latencyUs: l },
  };
}
