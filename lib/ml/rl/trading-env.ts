import type { Decimal } from "decimal.js";
import type { RiskLimits } from "@/lib/domain/account";
import type { Instrument } from "@/lib/domain/instrument";
import { dec, type DecimalInput } from "@/lib/domain/money";
import { OrderDesk } from "@/lib/backtest/order-desk";
import { barCloseTimes, SimulatedClock } from "@/lib/backtest/simulated-clock";
import { PaperBroker } from "@/lib/execution/paper-broker";
import type { Ohlcv } from "@/lib/domain/market-data";
import { Portfolio } from "@/lib/portfolio/portfolio";
import { buyingPowerCheck } from "@/lib/risk/checks/buying-power";
import { maxOrderNotionalCheck } from "@/lib/risk/checks/max-order-notional";
import { maxPositionCheck } from "@/lib/risk/checks/max-position";
import { createPreTradeGate, DEFAULT_PRE_TRADE_CHECKS } from "@/lib/risk/pre-trade-gate";
import type { Environment, StepResult } from "@/lib/ml/rl/environment";

/** Action i asks for position TRADING_ACTIONS[i]. */
export const TRADING_ACTIONS = ["flat", "long", "short"] as const;

export interface TradingEnvConfig {
  instrument: Instrument;
  bars: readonly Ohlcv[];
  /** features[i] is the feature vector of bars[i], known at that bar's close. */
  features: readonly (readonly number[])[];
  initialCash: DecimalInput;
  /** Units held when long or short, on the instrument's lot grid. */
  quantity: DecimalInput;
  takerFeeBps: DecimalInput;
  slippageBps: DecimalInput;
}

/** A step's reward both as the float a learner reads and as the exact decimal equity change it was made from. */
export interface TradingStepResult extends StepResult {
  rewardExact: Decimal;
}

/** The position limits are the agent's own (flat or one fixed quantity); the venue and instrument checks still run. */
const GATE = createPreTradeGate(DEFAULT_PRE_TRADE_CHECKS.filter((c) => c !== maxOrderNotionalCheck && c !== maxPositionCheck && c !== buyingPowerCheck));
const NO_LIMITS: RiskLimits = { maxOrderNotional: "0", maxPositionFraction: "0" };

/**
 * Trading as an RL environment, on the backtester's own parts: orders go through the OrderDesk (pre-trade gate,
 * PaperBroker fills with slippage and fees) and are booked in the exact Portfolio. The agent decides at a bar's
 * close; its market order fills at the next bar's open; the reward is the change in equity from that close to the
 * next close, net of fees and slippage. Observation: the bar's features and the position (-1, 0, +1).
 */
export class TradingEnv implements Environment {
  readonly observationSize: number;
  readonly actionCount = TRADING_ACTIONS.length;
  private readonly closeTimes: number[];
  private readonly quantity: Decimal;
  private clock!: SimulatedClock;
  private desk!: OrderDesk;
  private book!: Portfolio;
  private equity!: Decimal;
  private index = 0;

  constructor(private readonly config: TradingEnvConfig) {
    const { bars, features } = config;
    if (bars.length < 2) throw new RangeError("a trading environment needs at least two bars");
    if (features.length !== bars.length) throw new RangeError(`${bars.length} bars but ${features.length} feature vectors`);
    this.observationSize = features[0].length + 1;
    this.closeTimes = barCloseTimes(bars.map((b) => b.openTime));
    this.quantity = dec(config.quantity);
    this.reset();
  }

  /** The account of the current episode. */
  get portfolio(): Portfolio {
    return this.book;
  }

  /** Orders the pre-trade gate refused in this episode (an off-grid quantity, say). */
  get rejectedOrders(): OrderDesk["rejected"] {
    return this.desk.rejected;
  }

  reset(): number[] {
    const { config } = this;
    this.clock = new SimulatedClock(config.bars[0].openTime);
    const broker = new PaperBroker({
      instruments: [config.instrument], slippageBps: config.slippageBps, makerFeeBps: config.takerFeeBps,
      takerFeeBps: config.takerFeeBps, partialFills: false, now: this.clock.now, venue: "rl",
    });
    this.book = new Portfolio({ initialCash: config.initialCash, instruments: [config.instrument] });
    this.desk = new OrderDesk({
      instrument: config.instrument, broker, portfolio: this.book, gate: GATE, limits: NO_LIMITS, now: this.clock.now, onFill: () => {},
    });
    this.index = 0;
    this.clock.set(this.closeTimes[0]);
    this.desk.print(config.bars[0].close);
    this.equity = this.book.equity();
    return this.observation();
  }

  step(action: number): TradingStepResult {
    if (this.index >= this.config.bars.length - 1) throw new Error("episode is over: call reset()");
    const target = this.targetPosition(action);
    const next = this.index + 1;
    const bar = this.config.bars[next];
    this.clock.set(bar.openTime);
    this.desk.print(bar.open);
    const delta = target.sub(this.book.positionQuantity(this.config.instrument.symbol));
    if (!delta.isZero()) this.desk.submit({ side: delta.isPositive() ? "BUY" : "SELL", type: "MARKET", quantity: delta.abs() });
    this.clock.set(this.closeTimes[next]);
    this.desk.print(bar.close);
    const equity = this.book.equity();
    const rewardExact = equity.sub(this.equity);
    this.equity = equity;
    this.index = next;
    return { observation: this.observation(), reward: rewardExact.toNumber(), rewardExact, done: next === this.config.bars.length - 1 };
  }

  private targetPosition(action: number): Decimal {
    switch (TRADING_ACTIONS[action]) {
      case "flat":
        return dec(0);
      case "long":
        return this.quantity;
      case "short":
        return this.quantity.neg();
      default:
        throw new RangeError(`unknown trading action ${action}`);
    }
  }

  private observation(): number[] {
    const held = this.book.positionQuantity(this.config.instrument.symbol);
    return [...this.config.features[this.index], held.isZero() ? 0 : held.isPositive() ? 1 : -1];
  }
}
