import type { MemberVote } from "@/lib/ml/ensemble/member-output";
import type { Bar } from "@/lib/domain/market-data";

/** What a strategy wants held, not an order: the engine turns target - current position into an order intent. */
export interface StrategyDecision {
  strategyId: string;
  symbol: string;
  /** Signed target position as a decimal string, e.g. "0.5", "-0.5" or "0". */
  targetQuantity: string;
  reason: string;
  /** Open time of the closed bar the decision was taken on. */
  barOpenTime: number;
  /** A model's decision: its confidence (0..1), each member's vote and the registry version. */
  confidence?: number;
  votes?: MemberVote[];
  versionId?: string;
}

/**
 * A strategy sees closed bars only, so live, paper and backtest runs take the same decisions. To warm up after
 * a restart, feed it recent closed bars and discard the decisions.
 */
export interface Strategy {
  readonly id: string;
  readonly symbol: string;
  onBar(closedBar: Bar): StrategyDecision | null;
  reset(): void;
}

/** Thrown when a bar that can still change reaches a strategy: that would leak the future into a decision. */
export class UnclosedBarError extends Error {
  constructor(bar: Pick<Bar, "symbol" | "interval" | "openTime">) {
    super(`Bar ${bar.symbol} ${bar.interval} @${bar.openTime} is not closed`);
    this.name = "UnclosedBarError";
  }
}
