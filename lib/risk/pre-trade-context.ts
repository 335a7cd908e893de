import type { Decimal } from "decimal.js";
import type { RiskLimits, RiskStateName } from "@/lib/domain/account";
import type { Instrument } from "@/lib/domain/instrument";
import type { OrderIntent } from "@/lib/domain/order";
import type { RiskRejection } from "@/lib/risk/reason-codes";

/** Everything a check may look at; the engine builds it per intent. */
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
}

/** A pure pre-trade check: null approves, a rejection refuses. */
export type PreTradeCheck = (ctx: PreTradeContext, intent: OrderIntent) => RiskRejection | null;
