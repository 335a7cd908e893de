import type { Decimal } from "decimal.js";
import type { RiskLimits, RiskStateName } from "@/lib/domain/account";
import type { Instrument } from "@/lib/domain/instrument";
import type { OrderIntent } from "@/lib/domain/order";
import type { OrderWindow } from "@/lib/risk/order-window";
import type { RiskRejection } from "@/lib/risk/reason-codes";

/** What the account's open orders commit, in quote currency: remaining quantity x limit/stop (or reference) price. */
export interface OpenOrdersValue {
  total: Decimal;
  buys: Decimal;
}

/**
 * Everything a check may look at; the engine builds it per intent. The fields after `state` are optional because the
 * backtester and the RL environment leave the checks that read them off; a check whose limit is configured but whose
 * data is missing refuses the order (fail closed).
 */
export interface PreTradeContext {
  /** The intent's instrument, undefined when the symbol is unknown. */
  instrument: Instrument | undefined;
  /** Latest trade price; the engine passes null when it is stale, so checks fail closed. */
  referencePrice: number | null;
  /** Current signed position in the symbol. */
  positionQuantity: Decimal;
  equity: Decimal;
  limits: RiskLimits;
  state: RiskStateName;
  /** Wall-clock ms: trading sessions, duplicates, order rate, pauses. */
  now?: number;
  cash?: Decimal;
  openOrders?: OpenOrdersValue;
  /** Σ |position x mark| over every symbol but the intent's. */
  otherSymbolsExposure?: Decimal;
  /** Orders recently accepted into the journal (duplicates and order rate). */
  recentOrders?: OrderWindow;
  /** Until when (ms) new entries on a symbol are paused by a protection; null when not paused. */
  pausedUntil?: (symbol: string) => number | null;
  /**
   * The intent is an open order after an amend, not a new order: its quantity is what will remain to fill, and the
   * order's old value is left out of `openOrders`. The duplicate and order-rate checks let it through, and the
   * minimum quantity (which the whole order met when amended) is not asked of that remainder.
   */
  amending?: boolean;
}

/** A pure pre-trade check: null approves, a rejection refuses. */
export type PreTradeCheck = (ctx: PreTradeContext, intent: OrderIntent) => RiskRejection | null;
