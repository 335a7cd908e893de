import type { RiskLimits } from "@/lib/domain/account";
import { rejection, type RiskRejection } from "@/lib/risk/reason-codes";

/** A per-symbol override replaces the account-wide limit for that symbol (tighter or looser). */
export function maxOrderQuantityFor(limits: RiskLimits, symbol: string): string | undefined {
  return limits.perSymbol?.[symbol]?.maxOrderQuantity ?? limits.maxOrderQuantity;
}

export function maxOrderNotionalFor(limits: RiskLimits, symbol: string): string {
  return limits.perSymbol?.[symbol]?.maxOrderNotional ?? limits.maxOrderNotional;
}

export function maxPositionFractionFor(limits: RiskLimits, symbol: string): string {
  return limits.perSymbol?.[symbol]?.maxPositionFraction ?? limits.maxPositionFraction;
}

/** A check whose limit is set but whose input the caller did not provide refuses the order (fail closed). */
export function missingInput(check: string, input: string): RiskRejection {
  return rejection("RISK_CHECK_ERROR", `${check}: ${input} unavailable`);
}
