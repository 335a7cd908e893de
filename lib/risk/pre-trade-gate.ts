import type { OrderIntent } from "@/lib/domain/order";
import { instrumentCheck, priceCheck, quantityCheck } from "@/lib/risk/checks/instrument";
import { killSwitchCheck } from "@/lib/risk/checks/kill-switch";
import { maxOrderNotionalCheck } from "@/lib/risk/checks/max-order-notional";
import { maxPositionCheck } from "@/lib/risk/checks/max-position";
import { reduceOnlyCheck } from "@/lib/risk/checks/reduce-only";
import { referencePriceCheck } from "@/lib/risk/checks/reference-price";
import type { PreTradeCheck, PreTradeContext } from "@/lib/risk/pre-trade-context";
import { rejection, type RiskRejection } from "@/lib/risk/reason-codes";

/** Cheapest and most decisive first: a halted account always hears KILL_SWITCH_ACTIVE. */
export const DEFAULT_PRE_TRADE_CHECKS: readonly PreTradeCheck[] = [
  killSwitchCheck,
  instrumentCheck,
  quantityCheck,
  priceCheck,
  referencePriceCheck,
  reduceOnlyCheck,
  maxOrderNotionalCheck,
  maxPositionCheck,
];

export type GateDecision = { approved: true } | { approved: false; rejection: RiskRejection };

export type PreTradeGate = (ctx: PreTradeContext, intent: OrderIntent) => GateDecision;

/** Runs the checks in order and stops at the first rejection; a check that throws refuses the order. */
export function runPreTradeChecks(
  checks: readonly PreTradeCheck[],
  ctx: PreTradeContext,
  intent: OrderIntent,
): GateDecision {
  for (const check of checks) {
    let result: RiskRejection | null;
    try {
      result = check(ctx, intent);
    } catch (error) {
      result = rejection("RISK_CHECK_ERROR", error instanceof Error ? error.message : String(error));
    }
    if (result !== null) return { approved: false, rejection: result };
  }
  return { approved: true };
}

export function createPreTradeGate(checks: readonly PreTradeCheck[] = DEFAULT_PRE_TRADE_CHECKS): PreTradeGate {
  return (ctx, intent) => runPreTradeChecks(checks, ctx, intent);
}
