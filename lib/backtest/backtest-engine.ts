import type { RiskLimits } from "@/lib/domain/account";
import { INTERVAL_MS, type Bar, type BarInterval } from "@/lib/domain/market-data";
import { dec, ZERO } from "@/lib/domain/money";
import { PaperBroker } from "@/lib/execution/paper-broker";
import { BarAggregator } from "@/lib/market/bar-aggregator";
import type { RecordedBar, RecordedTrade } from "@/lib/market/replay/recording";
import { Portfolio } from "@/lib/portfolio/portfolio";
import { buyingPowerCheck } from "@/lib/risk/checks/buying-power";
import { maxOrderNotionalCheck } from "@/lib/risk/checks/max-order-notional";
import { maxPositionCheck } from "@/lib/risk/checks/max-position";
import { createPreTradeGate, DEFAULT_PRE_TRADE_CHECKS } from "@/lib/risk/pre-trade-gate";
import type { Strategy } from "@/lib/strategy/strategy";
import { lowFirst, printBarPath } from "@/lib/backtest/bar-path";
import { BacktestTrader } from "@/lib/backtest/backtest-trader";
import { checkBacktestConfig, tradeBarInterval } from "@/lib/backtest/config-checks";
import { OrderDesk } from "@/lib/backtest/order-desk";
import { barCloseTimes, SimulatedClock } from "@/lib/backtest/simulated-clock";
import { computeStats } from "@/lib/backtest/stats";
import { tradeRecord } from "@/lib/backtest/trade-book";
import type { BacktestConfig, BacktestResult, EquityPoint } from "@/lib/backtest/types";

export type { BacktestConfig, BacktestResult, BacktestSizing, BacktestTrade, EquityPoint } from "@/lib/backtest/types";
export { BacktestConfigError } from "@/lib/backtest/config-checks";

/**
 * Runs a strategy over history with the live components: the strategy sees closed bars only (at their close time
 * on the simulated clock); its targets become orders that pass the live pre-trade gate and go to the PaperBroker;
 * fills are applied to the exact-decimal Portfolio and make up the trades. On bars, prints are synthesised from
 * OHLC (the next open, or the close with fill "close", then the bar's path for resting orders); on recorded trades
 * (fill "intrabar"), the prints are the trades themselves. Commission is the broker's fee (commission * 10,000 bps
 * of each fill's notional): charged at entry and again at exit, as in backtesting.py.
 */
export function runBacktest(config: BacktestConfig): BacktestResult {
  return new BacktestRun(config).run();
}

export interface BacktestProgressHooks {
  /** Called between chunks with the fraction of bars (or trades) done (0..1). */
  onProgress?: (fraction: number) => void | Promise<void>;
  /** Checked between chunks; true stops the run with BacktestCancelled. */
  isCancelled?: () => boolean | Promise<boolean>;
  /** Bars (or trades) per chunk (default 5,000): the event loop is yielded to between chunks. */
  chunkBars?: number;
}

export class BacktestCancelled extends Error {
  constructor(readonly barsDone: number) {
    super(`Backtest cancelled after ${barsDone} bars`);
    this.name = "BacktestCancelled";
  }
}

/** runBacktest in chunks, yielding the event loop between them: for jobs that share a process with the web server. */
export async function runBacktestAsync(config: BacktestConfig, hooks: BacktestProgressHooks = {}): Promise<BacktestResult> {
  const run = new BacktestRun(config);
  const chunk = hooks.chunkBars ?? 5_000;
  for (;;) {
    if (await hooks.isCancelled?.()) throw new BacktestCancelled(run.barsDone);
    const done = run.step(chunk);
    await hooks.onProgress?.(run.barsDone / run.total);
    if (done) return run.result();
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

interface Pending {
  target: string;
  signalClose: number;
}

export class BacktestRun {
  private readonly symbol: string;
  private readonly clock: SimulatedClock;
  private readonly portfolio: Portfolio;
  private readonly desk: OrderDesk;
  private readonly trader: BacktestTrader;
  private readonly strategy: Strategy;
  private readonly interval: BarInterval;
  /** The bars walked (bar mode) or built from the trades so far (intrabar mode). */
  private readonly bars: RecordedBar[];
  private readonly closeTimes: number[];
  private readonly trades: readonly RecordedTrade[] | null;
  private readonly aggregator: BarAggregator | null = null;
  /**
   * Equity after each bar as a float (cash + position * close), for the curve and the statistics: valuing the
   * exact Portfolio on every bar dominated the run time. Cash and position are re-read from the Portfolio after
   * every fill, so the float never drifts across trades; the last point is the Portfolio's exact equity.
   */
  private readonly equity: number[] = [];
  private cashFloat: number;
  private heldFloat = 0;
  private pending: Pending | null = null;
  private next = 0;

  constructor(private readonly config: BacktestConfig) {
    checkBacktestConfig(config);
    this.symbol = config.instrument.symbol;
    this.trades = config.trades ?? null;
    this.bars = this.trades === null ? [...(config.bars ?? [])] : [];
    if (this.total === 0) throw new RangeError(`runBacktest needs at least one ${this.trades === null ? "bar" : "trade"}`);
    const commission = dec(config.commission ?? 0);
    const spread = dec(config.spread ?? 0);
    if (commission.lt(0) || spread.lt(0)) throw new RangeError("commission and spread must be >= 0");
    if (this.trades === null) {
      this.interval = config.interval ?? "1m";
      this.closeTimes = barCloseTimes(this.bars.map((b) => b.openTime), config.intervalMs);
      this.clock = new SimulatedClock(this.bars[0].openTime);
    } else {
      this.interval = tradeBarInterval(config);
      this.closeTimes = [];
      this.clock = new SimulatedClock(this.trades[0].ts);
      this.aggregator = new BarAggregator({ intervals: [this.interval], onBarClosed: (bar) => this.onTradeBarClosed(bar) });
    }
    const broker = new PaperBroker({
      instruments: [config.instrument],
      slippageBps: config.slippageBps ?? 0,
      makerFeeBps: dec(config.makerCommission ?? commission).mul(10_000),
      takerFeeBps: commission.mul(10_000),
      partialFills: config.partialFills ?? false,
      now: this.clock.now,
      venue: "backtest",
    });
    this.portfolio = new Portfolio({ initialCash: config.cash, instruments: [config.instrument] });
    this.cashFloat = this.portfolio.cash().toNumber();
    const { gate, limits } = backtestGate(config);
    this.desk = new OrderDesk({
      instrument: config.instrument, broker, portfolio: this.portfolio, gate, limits, now: this.clock.now,
      onFill: (fill, amounts, order) => {
        this.trader.onFill(fill, amounts, order);
        this.cashFloat = this.portfolio.cash().toNumber();
        this.heldFloat = this.portfolio.positionQuantity(this.symbol).toNumber();
      },
    });
    this.trader = new BacktestTrader(this.desk, {
      instrument: config.instrument, portfolio: this.portfolio, commission, spread,
      exclusive: config.sizing?.kind === "target" ? false : (config.exclusiveOrders ?? true),
      sizing: config.sizing ?? { kind: "all-in-units" }, exits: config.exits ?? {}, entry: config.entry ?? { type: "market" },
    });
    if (config.strategy !== undefined) this.strategy = config.strategy;
    else if (config.strategyFactory !== undefined) this.strategy = config.strategyFactory({ now: this.clock.now });
    else throw new RangeError("runBacktest needs a strategy or a strategyFactory");
  }

  run(): BacktestResult {
    this.step(this.total);
    return this.result();
  }

  /** Bars (or, on recorded trades, trade prints) in the run. */
  get total(): number {
    return this.trades === null ? this.bars.length : this.trades.length;
  }

  /** Bars (or trade prints) walked so far. */
  get barsDone(): number {
    return this.next;
  }

  /** Walks up to maxBars more bars (or trade prints); true once all are done. Lets a job yield, report progress and stop. */
  step(maxBars: number): boolean {
    const end = Math.min(this.total, this.next + maxBars);
    if (this.trades === null) for (; this.next < end; this.next++) this.walkBar(this.next);
    else {
      for (; this.next < end; this.next++) this.walkTrade(this.trades[this.next]);
      if (this.next === this.total && end > 0 && this.aggregator !== null) this.finishTrades();
    }
    return this.next >= this.total;
  }

  result(): BacktestResult {
    if (this.next < this.total) throw new Error(`Backtest not finished: ${this.next} of ${this.total}`);
    const last = this.bars.length - 1;
    const lastBar = this.bars[last];
    const place = { bar: last, time: lastBar.openTime };
    const openTrades = this.trader.book.open.map((t) => tradeRecord(t, dec(lastBar.close), ZERO, place));
    const times = new Array<number>(this.bars.length);
    const closes = new Array<number>(this.bars.length);
    for (let i = 0; i < this.bars.length; i++) {
      times[i] = this.bars[i].openTime;
      closes[i] = this.bars[i].close;
    }
    const equity = this.equityPoints(times);
    this.equity[last] = Number(equity[last].equity);
    const stats = computeStats({
      times,
      closes,
      equity: this.equity,
      trades: this.trader.book.closed,
      warmupBars: this.config.warmupBars ?? 0,
    });
    return {
      trades: this.trader.book.closed,
      openTrades,
      equity,
      stats,
      unfilledOrders: this.pending === null ? 0 : 1,
      finalCash: this.portfolio.cash(),
      orders: this.desk.orders,
      fills: this.desk.fills,
      rejectedOrders: this.desk.rejected,
    };
  }

  private walkBar(i: number): void {
    const bar = this.bars[i];
    const onClose = this.config.fill === "close";
    this.clock.set(bar.openTime);
    this.trader.setPlace(i, bar.openTime);
    // Resting orders meet the open first (a gap fills stops at the open), then orders placed on the last close.
    if (this.pending !== null || this.desk.resting.size > 0) this.desk.print(bar.open);
    this.executePending();
    if (this.desk.resting.size > 0) printBarPath(this.desk, bar, lowFirst(bar, this.trader.book.held().toNumber()));
    // The bar reaches the strategy only once it is closed: at its close time on the simulated clock.
    this.clock.set(this.closeTimes[i]);
    this.decide(bar);
    if (onClose && this.pending !== null) {
      if (this.desk.lastPrice !== bar.close) this.desk.print(bar.close);
      this.executePending();
    }
    this.trader.onBarClosed(i, bar.high, bar.low);
    if (i === this.bars.length - 1 && this.config.finalize !== false && this.trader.book.open.length > 0) {
      // backtesting.py closes open trades on the last bar at its open (next-open) or close (trade on close).
      this.trader.finalize(onClose ? bar.close : bar.open);
    }
    this.pushEquity(bar);
  }

  private walkTrade(trade: RecordedTrade): void {
    // May close the previous bar: the strategy then decides at that bar's close time, before this print.
    this.aggregator!.onTick({ symbol: this.symbol, ts: trade.ts, price: trade.price, size: trade.size, side: trade.side, seq: this.next + 1 });
    this.clock.set(trade.ts);
    this.trader.setPlace(this.bars.length, trade.ts);
    // The next print after a decision is where its market order fills, as in the live engine.
    this.desk.print(trade.price, trade.size, trade.side);
    this.executePending();
  }

  private onTradeBarClosed(bar: Bar): void {
    const index = this.bars.length;
    const recorded: RecordedBar = { openTime: bar.openTime, open: bar.open, high: bar.high, low: bar.low, close: bar.close, volume: bar.volume };
    this.bars.push(recorded);
    this.closeTimes.push(bar.openTime + INTERVAL_MS[this.interval]);
    this.clock.set(this.closeTimes[index]);
    this.decide(recorded);
    this.trader.onBarClosed(index, bar.high, bar.low);
    this.pushEquity(recorded);
  }

  /** End of the prints: the last bar closes; open trades are closed at the last print when finalize is on. */
  private finishTrades(): void {
    this.aggregator!.flush();
    if (this.config.finalize === false || this.trader.book.open.length === 0) return;
    const last = this.bars.length - 1;
    this.trader.setPlace(last, this.clock.now());
    this.trader.finalize(this.desk.lastPrice);
    this.equity.pop();
    this.pushEquity(this.bars[last]);
  }

  private decide(bar: RecordedBar): void {
    const decision = this.strategy.onBar(this.closedBar(bar));
    if (decision !== null && decision.symbol === this.symbol) this.pending = { target: decision.targetQuantity, signalClose: bar.close };
  }

  private executePending(): void {
    if (this.pending === null) return;
    const { target, signalClose } = this.pending;
    this.pending = null;
    this.trader.execute(target, signalClose);
  }

  private pushEquity(bar: RecordedBar): void {
    this.equity.push(this.cashFloat + this.heldFloat * bar.close);
  }

  /** The curve as reported: floats as decimal strings, the last point exact. */
  private equityPoints(times: readonly number[]): EquityPoint[] {
    const last = times.length - 1;
    const points = new Array<EquityPoint>(times.length);
    for (let i = 0; i < last; i++) points[i] = { ts: times[i], equity: String(this.equity[i]) };
    this.portfolio.mark(this.symbol, this.bars[last].close);
    points[last] = { ts: times[last], equity: this.portfolio.equity().toFixed() };
    return points;
  }

  private closedBar(bar: RecordedBar): Bar {
    return {
      symbol: this.symbol,
      interval: this.interval,
      openTime: bar.openTime,
      open: bar.open,
      high: bar.high,
      low: bar.low,
      close: bar.close,
      volume: bar.volume,
      trades: 0,
      closed: true,
    };
  }
}

/**
 * The live pre-trade gate with the configured limits; a limit left out is not checked. Buying power is the sizing's
 * business in a backtest (all-in, fraction, risk), so that check is off.
 */
function backtestGate(config: BacktestConfig): { gate: ReturnType<typeof createPreTradeGate>; limits: RiskLimits } {
  const { maxOrderNotional, maxPositionFraction } = config.risk ?? {};
  const checks = DEFAULT_PRE_TRADE_CHECKS.filter(
    (c) => c !== buyingPowerCheck && (c !== maxOrderNotionalCheck || maxOrderNotional !== undefined) && (c !== maxPositionCheck || maxPositionFraction !== undefined),
  );
  return { gate: createPreTradeGate(checks), limits: { maxOrderNotional: maxOrderNotional ?? "0", maxPositionFraction: maxPositionFraction ?? "0" } };
}
