import type { ActionResult } from "@/lib/api-types";
import type { Order } from "@/lib/domain/order";

export type OrderOutcome = "success" | "rejected" | "error";

export interface OrderResultView {
  outcome: OrderOutcome;
  text: string;
}

/** What the ticket says after a submission: the order's status, or exactly why it was refused. */
export function describeOrderResult(result: ActionResult<Order>): OrderResultView {
  if (!result.ok) {
    return { outcome: "rejected", text: `Rejected: ${result.error.code} — ${result.error.message}` };
  }
  const order = result.data;
  if (order.status === "REJECTED") {
    return { outcome: "rejected", text: `Rejected: ${order.rejectReason ?? "no reason given"}` };
  }
  return {
    outcome: "success",
    text: `Order ${order.status}: ${order.side} ${order.quantity} ${order.symbol} ${order.type}`,
  };
}

export function describeOrderError(error: Error): OrderResultView {
  return { outcome: "error", text: `Error: ${error.message}` };
}
