import "server-only";
import { runBacktest } from "@/lib/backtest/backtest-engine";
import type { Config } from "@/lib/config";
import type { Database } from "@/lib/db/client";
import type { Instrument } from "@/lib/domain/instrument";
import { type Bar, INTERVAL_MS } from "@/lib/domain/market-data";
import { dec } from "@/lib/domain/money";
import type { Execution } from "@/lib/fidelity/bar-executions";
import { driftReport } from "@/lib/fidelity/drift-report";
import type { StrategyDriftView } from "@/lib/fidelity/strategy-drift-view";
import { listCandles } from "@/lib/server/queries/candles";
import { MaCrossStrategy } from "@/lib/strategy/ma-cross";
import { strategyFills } from "./strategy-fills";

export type DriftConfig = Pick<Config, "STRATEGY_ENABLED" | "STRATEGY_INTERVAL" | "STRATEGY_FAST" | "STRATEGY_SLOW" | "PAPER_SLIPPAGE_BPS" | "PAPER_TAKER_FEE_BPS" | "INITIAL_CASH">;

export interface StrategyDriftParams {
  accountId: string;
  instrument: Instrument;
  config: DriftConfig;
}

// Fills of the same print agree exactly; more than this apart is a divergence, not rounding.
const PRICE_TOLERANCE_BPS = 1;
// The compared period is capped, so a poll stays cheap: at 1m bars, about ten weeks.
const MAX_BARS = 100_000;

/**
 * The running paper strategy on one symbol against the backtest of the same period: the bars the engine stored
 * since the bar that decided its first trade (with the bars its averages needed before), run through the
 * backtester as the runner trades them (next bar's first print, target position, the paper fees and slippage).
 */
export async function strategyDrift(db: Database, params: StrategyDriftParams): Promise<StrategyDriftView> {
  const { config, instrument } = params;
  const interval = config.STRATEGY_INTERVAL;
  const intervalMs = INTERVAL_MS[interval];
  const base = { symbol: instrument.symbol, strategy: `ma-cross-${instrument.symbol}-${config.STRATEGY_FAST}-${config.STRATEGY_SLOW}`, interval };
  const idle = { ...base, since: null, through: null, quantity: null, report: null };
  if (!config.STRATEGY_ENABLED) return { ...idle, state: "disabled" };
  const live = await strategyFills(db, { accountId: params.accountId, symbol: instrument.symbol, intervalMs });
  if (live.length === 0) return { ...idle, state: "waiting" };
  const since = live[0].bar;
  const bars = [
    ...(await listCandles(db, { symbol: instrument.symbol, interval, to: since - 1, limit: config.STRATEGY_SLOW })),
    ...(await listCandles(db, { symbol: instrument.symbol, interval, from: since, limit: MAX_BARS })),
  ];
  if (bars.length < config.STRATEGY_SLOW + 2) return { ...idle, since, state: "waiting" };
  const quantity = live[0].quantity;
  const backtest = backtestFills(bars, { ...params, quantity });
  const last = bars[bars.length - 1];
  const report = driftReport({ live, backtest, horizon: bars[bars.length - 2].openTime, mark: last.close, priceToleranceBps: PRICE_TOLERANCE_BPS });
  return { ...base, since, through: last.openTime, quantity, report, state: report.firstDivergence ? "diverged" : "in-line" };
}

/** The backtest's fills, each keyed by the bar before the one it filled at (the bar whose close decided it). */
function backtestFills(bars: readonly Bar[], params: StrategyDriftParams & { quantity: string }): Execution[] {
  const { config, instrument } = params;
  const result = runBacktest({
    bars,
    instrument,
    strategy: new MaCrossStrategy({ symbol: instrument.symbol, interval: config.STRATEGY_INTERVAL, fast: config.STRATEGY_FAST, slow: config.STRATEGY_SLOW, quantity: params.quantity }),
    cash: config.INITIAL_CASH,
    commission: dec(config.PAPER_TAKER_FEE_BPS).div(10_000).toFixed(),
    slippageBps: config.PAPER_SLIPPAGE_BPS,
    fill: "next-open",
    sizing: { kind: "target" },
    exclusiveOrders: false,
    finalize: false,
    interval: config.STRATEGY_INTERVAL,
    intervalMs: INTERVAL_MS[config.STRATEGY_INTERVAL],
  });
  const decidedOn = new Map(bars.slice(1).map((bar, i) => [bar.openTime, bars[i].openTime]));
  return result.fills.map((fill) => ({ bar: decidedOn.get(fill.ts) ?? fill.ts, side: fill.side, quantity: fill.quantity, price: fill.price, fee: fill.fee }));
}
