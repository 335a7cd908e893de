import type { Logger } from "pino";
import type { Database } from "@/lib/db/client";
import { signals } from "@/lib/db/schema";
import type { Instrument } from "@/lib/domain/instrument";
import type { Decimal } from "decimal.js";
import type { Bar, BarInterval } from "@/lib/domain/market-data";
import type { OrderSide } from "@/lib/domain/order";
import { dec, floorToStep } from "@/lib/domain/money";
import type { LiveCall } from "@/lib/ml/live/live-call";
import type { LiveEnsembles } from "@/lib/ml/live/live-ensembles";
import { storeLiveCall } from "@/lib/ml/live/model-signal-store";
import type { Portfolio } from "@/lib/portfolio/portfolio";
import { ensembleTargetQuantity } from "@/lib/strategy/confidence-sizing";
import { MaCrossStrategy } from "@/lib/strategy/ma-cross";
import type { StrategyDecision } from "@/lib/strategy/strategy";
import type { SubmitOrderCommand } from "./commands";

export interface StrategyRunnerConfig {
  interval: BarInterval;
  fast: number;
  slow: number;
  /** Position size in quote currency, turned into a quantity at the first price seen. */
  notional: string;
  /** Trade on the production ensemble where one runs for the symbol; MA cross elsewhere. */
  useEnsemble: boolean;
  minConfidence: number;
}

export interface StrategyRunnerDeps {
  accountId: string;
  instruments: ReadonlyMap<string, Instrument>;
  portfolio: Portfolio;
  db: Database;
  hasOpenOrders: (symbol: string) => boolean;
  /** The part of an order's quantity the size limits allow now (the order router's clipQuantity). */
  clipQuantity?: (symbol: string, side: OrderSide, quantity: Decimal) => Decimal;
  submit: (command: SubmitOrderCommand) => Promise<unknown>;
  log: Logger;
  /** Production and shadow ensembles; their calls are stored whether or not they trade. */
  ensembles?: LiveEnsembles;
}

/**
 * Turns closed bars into orders: the production ensemble of a symbol trades it, sized by its confidence (shadow
 * versions' calls are only stored); symbols without one trade the baseline moving-average cross.
 */
export class StrategyRunner {
  private readonly strategies = new Map<string, MaCrossStrategy>();

  constructor(private readonly config: StrategyRunnerConfig, private readonly deps: StrategyRunnerDeps) {}

  /** Feeds history so the averages are warm after a restart; decisions on old bars are discarded. */
  warmUp(history: Bar[]): void {
    for (const bar of history) this.strategyFor(bar)?.onBar(bar);
  }

  /**
   * The order the bar's decision sends, in flight until it is at the venue (with an ensemble, after its call comes
   * back from the inference thread); null when there is nothing to send.
   */
  onBarClosed(bar: Bar): Promise<void> | null {
    const calls = this.deps.ensembles?.onBarClosed(bar) ?? null;
    // The MA cross keeps its averages current even while an ensemble trades, so it can take over without a gap.
    const maDecision = bar.interval === this.config.interval ? this.strategyFor(bar)?.onBar(bar) ?? null : null;
    const ensembleOwnsSymbol = this.config.useEnsemble && this.deps.ensembles?.production(bar.symbol) !== undefined;
    if (!ensembleOwnsSymbol) {
      void calls?.then((c) => this.recordCalls(c));
      return maDecision ? this.act(maDecision) : null;
    }
    return calls?.then((c) => {
      const decision = this.recordCalls(c);
      return decision ? this.act(decision) ?? undefined : undefined;
    }) ?? null;
  }

  private act(decision: StrategyDecision): Promise<void> | null {
    void this.storeSignal(decision);
    return this.trade(decision);
  }

  /** Stores every call; returns the production call's decision when the ensemble trades. */
  private recordCalls(calls: readonly LiveCall[]): StrategyDecision | null {
    let decision: StrategyDecision | null = null;
    for (const call of calls) {
      const instrument = this.deps.instruments.get(call.bar.symbol);
      const trades = this.config.useEnsemble && call.version.role === "production" && instrument !== undefined;
      const target = trades ? ensembleTargetQuantity(call.signal, call.bar.close, { notional: this.config.notional, minConfidence: this.config.minConfidence, lotSize: instrument.lotSize }).toFixed() : null;
      void storeLiveCall(this.deps.db, call, target).catch((error: unknown) => this.deps.log.error({ err: error }, "failed to store model signal"));
      if (target === null) continue;
      decision = {
        strategyId: `ensemble:${call.version.name}#${call.version.version}`, symbol: call.bar.symbol, targetQuantity: target, barOpenTime: call.bar.openTime,
        reason: `ensemble ${directionWord(call.signal.direction)} ${(call.signal.confidence * 100).toFixed(1)}% (${call.signal.votes.map((v) => `${v.member} ${directionWord(v.direction)}`).join(", ")})`,
        confidence: call.signal.confidence, votes: call.signal.votes, versionId: call.version.id,
      };
    }
    return decision;
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
    const confidence = decision.confidence === undefined ? null : String(decision.confidence);
    const detail = { reason: decision.reason, target: decision.targetQuantity, versionId: decision.versionId, votes: decision.votes };
    return this.deps.db.insert(signals).values({ symbol: decision.symbol, ts: new Date(decision.barOpenTime), source: decision.strategyId, direction, confidence, detail })
      .catch((error: unknown) => this.deps.log.error({ err: error }, "failed to store signal"));
  }

  /** Trades target - position at once, as the bar closes: the position is the one the venue holds at that print. */
  private trade(decision: StrategyDecision): Promise<void> | null {
    const { deps } = this;
    if (deps.hasOpenOrders(decision.symbol)) return null;
    const delta = dec(decision.targetQuantity).sub(deps.portfolio.positionQuantity(decision.symbol));
    if (delta.isZero()) return null;
    const side = delta.gt(0) ? "BUY" : "SELL";
    // Sized within the limits rather than refused by them: the strategy moves towards its target as far as allowed.
    const quantity = deps.clipQuantity?.(decision.symbol, side, delta.abs()) ?? delta.abs();
    if (quantity.isZero()) return null;
    // One id per bar and symbol: a decision re-taken after a restart cannot trade twice.
    const clientOrderId = `s-${decision.symbol}-${decision.barOpenTime}`;
    return deps.submit({
      clientOrderId, accountId: deps.accountId, symbol: decision.symbol, side, type: "MARKET",
      quantity: quantity.toFixed(), timeInForce: "GTC", source: "strategy", actor: decision.strategyId,
    }).then(() => undefined, (error: unknown) => deps.log.warn({ err: error, clientOrderId }, "strategy order refused"));
  }
}

const directionWord = (direction: number) => (direction > 0 ? "up" : direction < 0 ? "down" : "flat");
