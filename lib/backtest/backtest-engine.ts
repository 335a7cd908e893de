import type { Decimal } from "decimal.js";
import type { Bar } from "@/lib/domain/market-data";
import type { Fill, Order, OrderSide } from "@/lib/domain/order";
import { dec, floorToStep, ZERO } from "@/lib/domain/money";
import { PaperBroker } from "@/lib/execution/paper-broker";
import { Portfolio } from "@/lib/portfolio/portfolio";
import type { Strategy } from "@/lib/strategy/strategy";
import { barCloseTimes, SimulatedClock } from "@/lib/backtest/simulated-clock";
import { computeStats } from "@/lib/backtest/stats";
import type { BacktestConfig, BacktestResult, BacktestSizing, BacktestTrade, EquityPoint } from "@/lib/backtest/types";

export type { BacktestConfig, BacktestResult, BacktestSizing, BacktestTrade, EquityPoint } from "@/lib/backtest/types";

/** backtesting.py's default relative size, 1 - sys.float_info.epsilon: an exact multiple never rounds up a unit. */
const ALL_IN_FRACTION = dec(1).sub(dec(2).pow(-52));

interface OpenTrade {
  size: Decimal;
  entryPrice: Decimal;
  entryBar: number;
  entryTime: number;
  /** Entry fee of the units still open. */
  entryFee: Decimal;
}

/** A target direction the strategy asked for, executed at the next fill point. */
interface Intent {
  direction: -1 | 0 | 1;
}

/**
 * Runs a strategy over bars with the live components: the strategy sees closed bars only (at their close time on
 * the simulated clock), its decisions become market orders sent to the PaperBroker, which fills them against a
 * synthetic trade print (the next bar's open, or the bar's close with fill "close"), and the fills are applied to
 * the exact-decimal Portfolio. Commission is the broker's taker fee (commission * 10,000 bps of each fill's
 * notional): charged at entry and again at exit, as in backtesting.py.
 */
export function runBacktest(config: BacktestConfig): BacktestResult {
  return new BacktestRun(config).run();
}

export interface BacktestProgressHooks {
  /** Called between chunks with the fraction of bars done (0..1). */
  onProgress?: (fraction: number) => void | Promise<void>;
  /** Checked between chunks; true stops the run with BacktestCancelled. */
  isCancelled?: () => boolean | Promise<boolean>;
  /** Bars per chunk (default 5,000): the event loop is yielded to between chunks. */
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
  const total = config.bars.length;
  for (;;) {
    if (await hooks.isCancelled?.()) throw new BacktestCancelled(run.barsDone);
    const done = run.step(chunk);
    await hooks.onProgress?.(run.barsDone / total);
    if (done) return run.result();
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

export class BacktestRun {
  private readonly bars: BacktestConfig["bars"];
  private readonly symbol: string;
  private readonly lot: string;
  private readonly clock: SimulatedClock;
  private readonly broker: PaperBroker;
  private readonly portfolio: Portfolio;
  private readonly strategy: Strategy;
  private readonly commission: Decimal;
  private readonly spread: Decimal;
  private readonly exclusive: boolean;
  private readonly sizing: BacktestSizing;
  private readonly closeTimes: number[];
  private readonly open: OpenTrade[] = [];
  private readonly closed: BacktestTrade[] = [];
  private readonly equity: EquityPoint[] = [];
  private pending: Intent | null = null;
  private next = 0;
  private orderSeq = 0;
  private tickSeq = 0;

  constructor(private readonly config: BacktestConfig) {
    this.bars = config.bars;
    if (this.bars.length === 0) throw new RangeError("runBacktest needs at least one bar");
    this.symbol = config.instrument.symbol;
    this.lot = config.instrument.lotSize;
    this.commission = dec(config.commission ?? 0);
    this.spread = dec(config.spread ?? 0);
    if (this.commission.lt(0) || this.spread.lt(0)) throw new RangeError("commission and spread must be >= 0");
    this.exclusive = config.exclusiveOrders ?? true;
    this.sizing = config.sizing ?? { kind: "all-in-units" };
    this.closeTimes = barCloseTimes(this.bars.map((b) => b.openTime), config.intervalMs);
    this.clock = new SimulatedClock(this.bars[0].openTime);
    this.broker = new PaperBroker({
      instruments: [config.instrument],
      slippageBps: config.slippageBps ?? 0,
      makerFeeBps: 0,
      takerFeeBps: this.commission.mul(10_000),
      partialFills: false,
      now: this.clock.now,
      venue: "backtest",
    });
    this.portfolio = new Portfolio({ initialCash: config.cash, instruments: [config.instrument] });
    if (config.strategy !== undefined) this.strategy = config.strategy;
    else if (config.strategyFactory !== undefined) this.strategy = config.strategyFactory({ now: this.clock.now });
    else throw new RangeError("runBacktest needs a strategy or a strategyFactory");
  }

  run(): BacktestResult {
    this.step(this.bars.length);
    return this.result();
  }

  /** Bars walked so far. */
  get barsDone(): number {
    return this.next;
  }

  /** Walks up to maxBars more bars; true once every bar is done. Lets a job yield, report progress and stop. */
  step(maxBars: number): boolean {
    const end = Math.min(this.bars.length, this.next + maxBars);
    for (; this.next < end; this.next++) this.walk(this.next);
    return this.next >= this.bars.length;
  }

  private walk(i: number): void {
    const bar = this.bars[i];
    const onClose = this.config.fill === "close";
    this.clock.set(bar.openTime);
    if (this.pending !== null) {
      this.execute(this.pending, bar.open, i);
      this.pending = null;
    }
    // The bar reaches the strategy only once it is closed: at its close time on the simulated clock.
    this.clock.set(this.closeTimes[i]);
    const decision = this.strategy.onBar(this.closedBar(bar));
    if (decision !== null && decision.symbol === this.symbol) {
      const target = dec(decision.targetQuantity);
      const intent: Intent = { direction: target.isZero() ? 0 : target.isNegative() ? -1 : 1 };
      if (onClose) this.execute(intent, bar.close, i);
      else this.pending = intent;
    }
    if (i === this.bars.length - 1 && this.config.finalize !== false && this.open.length > 0) {
      // backtesting.py closes open trades on the last bar at its open (next-open) or close (trade on close).
      this.closeTrades([...this.open], onClose ? bar.close : bar.open, i);
    }
    this.portfolio.mark(this.symbol, bar.close, this.closeTimes[i]);
    this.equity.push({ ts: bar.openTime, equity: this.portfolio.equity().toFixed() });
  }

  result(): BacktestResult {
    if (this.next < this.bars.length) throw new Error(`Backtest not finished: ${this.next} of ${this.bars.length} bars`);
    const last = this.bars.length - 1;
    const lastBar = this.bars[last];
    const openTrades = this.open.map((t) => this.tradeRecord(t, dec(lastBar.close), last, ZERO));
    const stats = computeStats({
      times: this.bars.map((b) => b.openTime),
      closes: this.bars.map((b) => b.close),
      equity: this.equity.map((p) => Number(p.equity)),
      trades: this.closed,
      warmupBars: this.config.warmupBars ?? 0,
    });
    return {
      trades: this.closed,
      openTrades,
      equity: this.equity,
      stats,
      unfilledOrders: this.pending === null ? 0 : 1,
      finalCash: this.portfolio.cash(),
    };
  }

  private closedBar(bar: BacktestConfig["bars"][number]): Bar {
    return {
      symbol: this.symbol,
      interval: this.config.interval ?? "1m",
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

  /** Carries out a target direction at price (the fill point's print): closes, then opens. */
  private execute(intent: Intent, price: number, barIndex: number): void {
    const d = intent.direction;
    const toClose = this.exclusive ? [...this.open] : this.open.filter((t) => d === 0 || t.size.isNegative() !== d < 0);
    this.closeTrades(toClose, price, barIndex);
    if (d === 0) return;
    if (!this.exclusive && this.open.length > 0) {
      // Non-exclusive: already on this side. A fixed size tops up or trims to the quantity; relative sizes hold.
      if (this.sizing.kind === "fixed") this.adjustToFixed(d, price, barIndex);
      return;
    }
    const size = this.entrySize(d, price);
    if (size.gt(0)) this.openTrade(d, size, price, barIndex);
  }

  private adjustToFixed(d: 1 | -1, price: number, barIndex: number): void {
    const wanted = dec((this.sizing as { quantity: string }).quantity);
    const held = this.open.reduce((sum, t) => sum.add(t.size.abs()), ZERO);
    if (held.lt(wanted)) {
      const extra = wanted.sub(held);
      if (this.affordable(extra, d, price)) this.openTrade(d, extra, price, barIndex);
      return;
    }
    let excess = held.sub(wanted);
    for (const trade of [...this.open]) {
      if (excess.lte(0)) break;
      const qty = excess.lt(trade.size.abs()) ? excess : trade.size.abs();
      this.reduceTrade(trade, qty, price, barIndex);
      excess = excess.sub(qty);
    }
  }

  /** Units for a new entry, per the sizing rule (backtesting.py: margin available / (adjusted price + commission)). */
  private entrySize(d: 1 | -1, price: number): Decimal {
    if (this.sizing.kind === "fixed") {
      const qty = dec(this.sizing.quantity);
      return this.affordable(qty, d, price) ? qty : ZERO;
    }
    const fraction = this.sizing.kind === "all-in-units" ? ALL_IN_FRACTION : dec(this.sizing.fraction);
    if (!(fraction.gt(0) && fraction.lte(1))) throw new RangeError(`sizing fraction must be in (0, 1]: ${fraction.toString()}`);
    return floorToStep(this.marginAvailable(price).mul(fraction).div(this.unitCost(d, price)), this.lot);
  }

  private affordable(qty: Decimal, d: 1 | -1, price: number): boolean {
    return qty.mul(this.unitCost(d, price)).lte(this.marginAvailable(price));
  }

  private unitCost(d: 1 | -1, price: number): Decimal {
    const p = dec(price);
    return p.mul(this.spread.mul(d).add(1)).add(p.mul(this.commission));
  }

  /** Equity at price minus the value of the open trades (margin 1). */
  private marginAvailable(price: number): Decimal {
    this.portfolio.mark(this.symbol, price);
    const used = this.open.reduce((sum, t) => sum.add(t.size.abs().mul(price)), ZERO);
    const available = this.portfolio.equity().sub(used);
    return available.gt(0) ? available : ZERO;
  }

  private openTrade(d: 1 | -1, size: Decimal, price: number, barIndex: number): void {
    // The spread moves the entry print against the trader; the broker puts it on the tick grid.
    const print = this.spread.isZero() ? price : dec(price).mul(this.spread.mul(d).add(1)).toNumber();
    const fill = this.fill(d > 0 ? "BUY" : "SELL", size, print);
    const entryPrice = dec(fill.price);
    this.open.push({
      size: d > 0 ? size : size.neg(),
      entryPrice,
      entryBar: barIndex,
      entryTime: this.bars[barIndex].openTime,
      entryFee: dec(fill.fee),
    });
  }

  private closeTrades(trades: readonly OpenTrade[], price: number, barIndex: number): void {
    for (const trade of trades) this.reduceTrade(trade, trade.size.abs(), price, barIndex);
  }

  /** Closes qty units of trade (all of it, or a part that becomes its own closed trade). */
  private reduceTrade(trade: OpenTrade, qty: Decimal, price: number, barIndex: number): void {
    const fill = this.fill(trade.size.isNegative() ? "BUY" : "SELL", qty, price);
    const share = qty.div(trade.size.abs());
    const entryFee = trade.entryFee.mul(share);
    const closedSize = trade.size.isNegative() ? qty.neg() : qty;
    const part: OpenTrade = { ...trade, size: closedSize, entryFee };
    this.closed.push(this.tradeRecord(part, dec(fill.price), barIndex, dec(fill.fee)));
    if (qty.gte(trade.size.abs())) {
      this.open.splice(this.open.indexOf(trade), 1);
    } else {
      trade.size = trade.size.sub(closedSize);
      trade.entryFee = trade.entryFee.sub(entryFee);
    }
  }

  private tradeRecord(trade: OpenTrade, exitPrice: Decimal, exitBar: number, exitFee: Decimal): BacktestTrade {
    const commission = trade.entryFee.add(exitFee);
    const pnl = trade.size.mul(exitPrice.sub(trade.entryPrice)).sub(commission);
    const sign = trade.size.isNegative() ? -1 : 1;
    const returnPct = exitPrice
      .div(trade.entryPrice)
      .sub(1)
      .mul(sign)
      .sub(commission.div(trade.size.abs().mul(trade.entryPrice)))
      .toNumber();
    return {
      size: trade.size.toFixed(),
      entryBar: trade.entryBar,
      exitBar,
      entryTime: trade.entryTime,
      exitTime: this.bars[exitBar].openTime,
      entryPrice: trade.entryPrice.toFixed(),
      exitPrice: exitPrice.toFixed(),
      pnl: pnl.toFixed(),
      commission: commission.toFixed(),
      returnPct,
    };
  }

  /** One market order through the paper broker, filled against a synthetic print at price on the simulated clock. */
  private fill(side: OrderSide, qty: Decimal, price: number): Fill {
    const ts = this.clock.now();
    this.broker.onTick({ symbol: this.symbol, ts, price, size: 0, side: side === "BUY" ? "buy" : "sell", seq: ++this.tickSeq });
    const id = `bt-${++this.orderSeq}`;
    const order: Order = {
      id,
      clientOrderId: id,
      accountId: "backtest",
      symbol: this.symbol,
      side,
      type: "MARKET",
      quantity: qty.toFixed(),
      timeInForce: "IOC",
      source: "backtest",
      status: "NEW",
      filledQuantity: "0",
      averageFillPrice: null,
      rejectReason: null,
      venue: "backtest",
      createdAt: ts,
      updatedAt: ts,
    };
    for (const event of this.broker.submit(order)) {
      if (event.type === "fill") {
        this.portfolio.applyFill(event.fill);
        return event.fill;
      }
      if (event.type === "rejected") throw new Error(`Backtest order ${id} rejected: ${event.reason}`);
    }
    throw new Error(`Backtest order ${id} was not filled`);
  }
}
