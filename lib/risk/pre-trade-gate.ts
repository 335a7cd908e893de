import type { OrderIntent } from "@/lib/domain/order";
import { allowedSymbolsCheck } from "@/lib/risk/checks/allowed-symbols";
import { buyingPowerCheck } from "@/lib/risk/checks/buying-power";
import { duplicateOrderCheck } from "@/lib/risk/checks/duplicate-order";
import { instrumentCheck, priceCheck, quantityCheck } from "@/lib/risk/checks/instrument";
import { killSwitchCheck } from "@/lib/risk/checks/kill-switch";
import { maxOpenOrdersNotionalCheck } from "@/lib/risk/checks/max-open-orders";
import { maxOrderNotionalCheck } from "@/lib/risk/checks/max-order-notional";
import { maxOrderQuantityCheck } from "@/lib/risk/checks/max-order-quantity";
import { maxPositionCheck } from "@/lib/risk/checks/max-position";
import { maxTotalPositionCheck } from "@/lib/risk/checks/max-total-position";
import { accountOrderRateCheck, strategyOrderRateCheck } from "@/lib/risk/checks/order-rate";
import { priceCollarCheck } from "@/lib/risk/checks/price-collar";
import { reduceOnlyCheck } from "@/lib/risk/checks/reduce-only";
import { referencePriceCheck } from "@/lib/risk/checks/reference-price";
import { symbolPausedCheck } from "@/lib/risk/checks/symbol-paused";
import { tradingSessionCheck } from "@/lib/risk/checks/trading-session";
import type { PreTradeCheck, PreTradeContext } from "@/lib/risk/pre-trade-context";
import { rejection, type RiskRejection } from "@/lib/risk/reason-codes";

/**
 * Cheapest and most decisive first: the risk state (a halted account always hears KILL_SWITCH_ACTIVE), then what the
 * order is and where and when it may trade, then its own size, then the history (duplicates, rate), then what it
 * does to the account. A check whose optional limit is not set approves.
 */
export const DEFAULT_PRE_TRADE_CHECKS: readonly PreTradeCheck[] = [
  killSwitchCheck,
  reduceOnlyCheck,
  symbolPausedCheck,
  instrumentCheck,
  allowedSymbolsCheck,
  tradingSessionCheck,
  quantityCheck,
  priceCheck,
  referencePriceCheck,
  priceCollarCheck,
  maxOrderQuantityCheck,
  maxOrderNotionalCheck,
  duplicateOrderCheck,
  accountOrderRateCheck,
  strategyOrderRateCheck,
  maxPositionCheck,
  maxTotalPositionCheck,
  maxOpenOrdersNotionalCheck,
  buyingPowerCheck,
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
