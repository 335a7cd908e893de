import type { Logger } from "pino";
import type { Database } from "@/lib/db/client";
import { signals } from "@/lib/db/schema";
import type { Instrument } from "@/lib/domain/instrument";
import type { Bar, BarInterval } from "@/lib/domain/market-data";
import { dec, floorToStep } from "@/lib/domain/money";
import type { Portfolio } from "@/lib/portfolio/portfolio";
import { MaCrossStrategy } from "@/lib/strategy/ma-cross";
import type { StrategyDecision } from "@/lib/strategy/strategy";
import type { SubmitOrderCommand } from "./commands";

export interface StrategyRunnerConfig {
  interval: BarInterval;
  fast: number;
  slow: number;
  /** Position size in quote currency, turned into a quantity at the first price seen. */
  notional: string;
}

export interface StrategyRunnerDeps {
  accountId: string;
  instruments: ReadonlyMap<string, Instrument>;
  portfolio: Portfolio;
  db: Database;
  hasOpenOrders: (symbol: string) => boolean;
  submit: (command: SubmitOrderCommand) => Promise<unknown>;
  log: Logger;
}

/** Runs the baseline moving-average cross per symbol on closed bars and turns its targets into orders. */
export class StrategyRunner {
  private readonly strategies = new Map<string, MaCrossStrategy>();

  constructor(private readonly config: StrategyRunnerConfig, private readonly deps: StrategyRunnerDeps) {}

  /** Feeds history so the averages are warm after a restart; decisions on old bars are discarded. */
  warmUp(history: Bar[]): void {
    for (const bar of history) this.strategyFor(bar)?.onBar(bar);
  }

  /** The order the bar's decision sends, in flight until it is at the venue; null when there is nothing to send. */
  onBarClosed(bar: Bar): Promise<void> | null {
    if (bar.interval !== this.config.interval) return null;
    const decision = this.strategyFor(bar)?.onBar(bar);
    if (!decision) return null;
    void this.storeSignal(decision);
    return this.trade(decision);
  }

  private strategyFor(bar: Bar): MaCrossStrategy | undefined {
    const existing = this.strategies.get(bar.symbol);
    if (existing) return existing;
    const instrument = this.deps.instruments.get(bar.symbol);
    if (!instrument || !(bar.close > 0)) return undefined;
    const quantity = floorToStep(dec(this.config.notional).div(bar.close), instrument.lotSize);
    if (quantity.lte(0)) return undefined;
    const strategy = new MaCrossStrategy({ symbol: bar.symbol, interval: this.config.interval, fast: this.config.fast, slow: this.config.slow, quantity: quantity.toFixed() });
    this.strategies.set(bar.symbol, strategy);
    return strategy;
  }

  private storeSignal(decision: StrategyDecision): Promise<unknown> {
    const target = dec(decision.targetQuantity);
    const direction = target.gt(0) ? "long" : target.lt(0) ? "short" : "flat";
    return this.deps.db.insert(signals).values({ symbol: decision.symbol, ts: new Date(decision.barOpenTime), source: decision.strategyId, direction, confidence: null, detail: { reason: decision.reason, target: decision.targetQuantity } })
      .catch((error: unknown) => this.deps.log.error({ err: error }, "failed to store signal"));
  }

  /** Trades target - position at once, as the bar closes: the position is the one the venue holds at that print. */
  private trade(decision: StrategyDecision): Promise<void> | null {
    const { deps } = this;
    if (deps.hasOpenOrders(decision.symbol)) return null;
    const delta = dec(decision.targetQuantity).sub(deps.portfolio.positionQuantity(decision.symbol));
    if (delta.isZero()) return null;
    // One id per bar and symbol: a decision re-taken after a restart cannot trade twice.
    const clientOrderId = `s-${decision.symbol}-${decision.barOpenTime}`;
    return deps.submit({
      clientOrderId, accountId: deps.accountId, symbol: decision.symbol, side: delta.gt(0) ? "BUY" : "SELL", type: "MARKET",
      quantity: delta.abs().toFixed(), timeInForce: "GTC", source: "strategy", actor: decision.strategyId,
    }).then(() => undefined, (error: unknown) => deps.log.warn({ err: error, clientOrderId }, "strategy order refused"));
  }
}
