import type { Bar, BarInterval } from "@/lib/domain/market-data";
import { parseDecimal } from "@/lib/execution/order-validation";
import { SimpleMovingAverage } from "@/lib/strategy/simple-moving-average";
import { UnclosedBarError, type Strategy, type StrategyDecision } from "@/lib/strategy/strategy";

export interface MaCrossConfig {
  id?: string;
  symbol: string;
  /** When set, bars of other intervals are ignored. */
  interval?: BarInterval;
  fast: number;
  slow: number;
  /** Position size as a decimal string. */
  quantity: string;
  /** "long-short" (default, like backtesting.py's SmaCross): always in the market after the first cross. */
  mode?: "long-short" | "long-flat";
}

interface Averages {
  fast: number;
  slow: number;
}

/**
 * Moving-average cross on closed bars. A golden cross (fast[-2] < slow[-2] and fast[-1] > slow[-1], strict,
 * as backtesting.py's crossover) targets +quantity; a death cross targets -quantity, or 0 in long-flat mode.
 */
export class MaCrossStrategy implements Strategy {
  readonly id: string;
  readonly symbol: string;
  private readonly fast: SimpleMovingAverage;
  private readonly slow: SimpleMovingAverage;
  private readonly quantity: string;
  private previous: Averages | null = null;
  private lastOpenTime = Number.NEGATIVE_INFINITY;

  constructor(private readonly config: MaCrossConfig) {
    if (!(config.fast < config.slow)) throw new RangeError(`fast (${config.fast}) must be shorter than slow (${config.slow})`);
    const quantity = parseDecimal(config.quantity);
    if (quantity === null || !quantity.gt(0)) throw new RangeError(`quantity must be a positive decimal: ${config.quantity}`);
    this.id = config.id ?? `ma-cross-${config.symbol}-${config.fast}-${config.slow}`;
    this.symbol = config.symbol;
    this.fast = new SimpleMovingAverage(config.fast);
    this.slow = new SimpleMovingAverage(config.slow);
    this.quantity = quantity.toFixed();
  }

  /** Ignores other symbols/intervals, repeated or older bars and non-finite closes; throws on an unclosed bar. */
  onBar(closedBar: Bar): StrategyDecision | null {
    if (closedBar.symbol !== this.symbol) return null;
    if (this.config.interval !== undefined && closedBar.interval !== this.config.interval) return null;
    if (!closedBar.closed) throw new UnclosedBarError(closedBar);
    if (closedBar.openTime <= this.lastOpenTime || !Number.isFinite(closedBar.close)) return null;
    this.lastOpenTime = closedBar.openTime;

    const fast = this.fast.push(closedBar.close);
    const slow = this.slow.push(closedBar.close);
    const previous = this.previous;
    this.previous = fast === null || slow === null ? null : { fast, slow };
    if (previous === null || this.previous === null) return null;
    return this.decide(previous, this.previous, closedBar.openTime);
  }

  reset(): void {
    this.fast.reset();
    this.slow.reset();
    this.previous = null;
    this.lastOpenTime = Number.NEGATIVE_INFINITY;
  }

  private decide(before: Averages, now: Averages, barOpenTime: number): StrategyDecision | null {
    if (before.fast < before.slow && now.fast > now.slow) {
      return this.decision(this.quantity, "golden cross: fast SMA crossed above slow", barOpenTime);
    }
    if (before.fast > before.slow && now.fast < now.slow) {
      const target = this.config.mode === "long-flat" ? "0" : `-${this.quantity}`;
      return this.decision(target, "death cross: fast SMA crossed below slow", barOpenTime);
    }
    return null;
  }

  private decision(targetQuantity: string, reason: string, barOpenTime: number): StrategyDecision {
    return { strategyId: this.id, symbol: this.symbol, targetQuantity, reason, barOpenTime };
  }
}
