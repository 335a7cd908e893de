import { randomUUID } from "node:crypto";
import type { PositionView } from "@/lib/domain/account";
import { dec } from "@/lib/domain/money";
import type { SubmitOrderCommand } from "@/lib/engine/commands";

/** One market order per open position that brings it to zero: what flattening sends before a halt. */
export function closingOrders(positions: readonly PositionView[], accountId: string, actor: string): SubmitOrderCommand[] {
  return positions
    .filter((p) => !dec(p.quantity).isZero())
    .map((p) => {
      const quantity = dec(p.quantity);
      return {
        clientOrderId: `flat-${randomUUID().replaceAll("-", "").slice(0, 30)}`, accountId, symbol: p.symbol,
        side: quantity.isPositive() ? "SELL" : "BUY", type: "MARKET", quantity: quantity.abs().toFixed(),
        timeInForce: "GTC", source: "strategy", actor,
      } satisfies SubmitOrderCommand;
    });
}
