import type { PreTradeCheck } from "@/lib/risk/pre-trade-context";
import { rejection } from "@/lib/risk/reason-codes";

/** With an allowedSymbols list, only those symbols may be traded. */
export const allowedSymbolsCheck: PreTradeCheck = (ctx, intent) => {
  const allowed = ctx.limits.allowedSymbols;
  return allowed === undefined || allowed.includes(intent.symbol) ? null : rejection("SYMBOL_NOT_ALLOWED", intent.symbol);
};
