import type { PreTradeCheck } from "@/lib/risk/pre-trade-context";
import { rejection } from "@/lib/risk/reason-codes";

/** HALTED refuses every new order. Cancels are not orders and never pass through the gate, so they stay allowed. */
export const killSwitchCheck: PreTradeCheck = (ctx) =>
  ctx.state === "HALTED" ? rejection("KILL_SWITCH_ACTIVE") : null;
