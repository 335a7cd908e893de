import { Decimal } from "decimal.js";
import type { OrderSide } from "@/lib/domain/order";

/** One of our open market trades in the terminal (MT keeps a ticket per trade; the platform keeps net positions). */
export interface OpenTrade {
  ticket: string;
  side: OrderSide;
  lots: string;
  openTime: string;
}

export type NettingStep =
  | { kind: "close"; ticket: string; lots: string }
  | { kind: "close-partial"; ticket: string; lots: string }
  | { kind: "open"; lots: string };

/**
 * How a market order of `side` and `lots` becomes MT commands on a netting platform: it first closes our opposite
 * trades on the symbol, oldest first (a partial close for the last one), and opens a new trade only for what is left.
 * Without this a SELL would open a hedge beside the BUY instead of reducing the position.
 */
export function nettingSteps(side: OrderSide, lots: string, ours: readonly OpenTrade[]): NettingStep[] {
  let left = new Decimal(lots);
  const steps: NettingStep[] = [];
  const opposite = ours.filter((t) => t.side !== side).sort((a, b) => a.openTime.localeCompare(b.openTime) || a.ticket.localeCompare(b.ticket));
  for (const trade of opposite) {
    if (left.lte(0)) break;
    const held = new Decimal(trade.lots);
    if (held.lte(left)) {
      steps.push({ kind: "close", ticket: trade.ticket, lots: held.toFixed() });
      left = left.sub(held);
    } else {
      steps.push({ kind: "close-partial", ticket: trade.ticket, lots: left.toFixed() });
      left = new Decimal(0);
    }
  }
  if (left.gt(0)) steps.push({ kind: "open", lots: left.toFixed() });
  return steps;
}
