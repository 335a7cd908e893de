import type { BarInterval } from "@/lib/domain/market-data";
import type { DriftReport } from "./drift-report";

/**
 * disabled: the engine runs no strategy. waiting: it has not traded this symbol yet, or too few bars are stored
 * to replay its decisions. in-line / diverged: the live trades against the backtest of the same bars.
 */
export type DriftState = "disabled" | "waiting" | "in-line" | "diverged";

/** GET /api/fidelity/drift: the running paper strategy on one symbol against its backtest over the same period. */
export interface StrategyDriftView {
  symbol: string;
  strategy: string;
  interval: BarInterval;
  state: DriftState;
  /** Open time of the bar that decided the strategy's first trade: the start of the compared period. */
  since: number | null;
  /** Open time of the last stored bar the backtest ran on. */
  through: number | null;
  /** Position size both run with (the runner's first order from flat). */
  quantity: string | null;
  report: DriftReport | null;
}

export type DriftResponse = { drift: StrategyDriftView };
