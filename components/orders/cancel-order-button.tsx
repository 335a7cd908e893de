"use client";

import type { Order } from "@/lib/domain/order";
import { roleAtLeast } from "@/lib/domain/roles";
import { useDashboardConfig } from "@/lib/client/use-dashboard-config";
import { useCancelOrder } from "@/lib/client/use-order-actions";

/** Cancels one order; a refusal (e.g. already filled) is shown next to the button. */
export function CancelOrderButton({ order }: { order: Order }) {
  const { role } = useDashboardConfig().user;
  const cancel = useCancelOrder();
  const result = cancel.data;
  const message = cancel.error
    ? cancel.error.message
    : result && !result.ok
      ? `${result.error.code}: ${result.error.message}`
      : null;
  // Viewers may not cancel; the server refuses them anyway, the page just does not offer it.
  if (!roleAtLeast(role, "trader")) return null;

  return (
    <div className="cancel-cell">
      <button
        type="button"
        className="button button-small"
        aria-label={`Cancel ${order.side} ${order.quantity} ${order.symbol} order`}
        data-testid={`cancel-order-${order.id}`}
        disabled={cancel.isPending}
        onClick={() => cancel.mutate(order.id)}
      >
        {cancel.isPending ? "Canceling…" : "Cancel"}
      </button>
      {message ? (
        <span className="inline-error" role="alert" data-testid="cancel-error">
          {message}
        </span>
      ) : null}
    </div>
  );
}
