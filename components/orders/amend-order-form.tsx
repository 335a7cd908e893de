"use client";

import { type FormEvent, useState } from "react";
import { ApiRequestError } from "@/lib/client/api-client";
import type { Order } from "@/lib/domain/order";
import { roleAtLeast } from "@/lib/domain/roles";
import { useDashboardConfig } from "@/lib/client/use-dashboard-config";
import { useAmendOrder } from "@/lib/client/use-order-actions";

function isAmendable(order: Order): boolean {
  return order.type !== "MARKET" && (order.status === "ACCEPTED" || order.status === "PARTIALLY_FILLED");
}

function errorText(error: Error): string {
  return error instanceof ApiRequestError ? `${error.code}: ${error.message}` : error.message;
}

/** An open LIMIT or STOP order's new price and quantity, inline in its row; only the changed fields are sent. */
export function AmendOrderForm({ order }: { order: Order }) {
  const { role } = useDashboardConfig().user;
  const amend = useAmendOrder();
  const [editing, setEditing] = useState(false);
  const [quantity, setQuantity] = useState(order.quantity);
  const [price, setPrice] = useState(order.price ?? "");
  if (!roleAtLeast(role, "trader") || !isAmendable(order)) return null;

  const open = () => {
    setQuantity(order.quantity);
    setPrice(order.price ?? "");
    amend.reset();
    setEditing(true);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const change = {
      ...(quantity.trim() !== order.quantity ? { quantity: quantity.trim() } : {}),
      ...(price.trim() !== order.price ? { price: price.trim() } : {}),
    };
    if (Object.keys(change).length === 0) return setEditing(false);
    amend.mutate({ orderId: order.id, ...change }, { onSuccess: () => setEditing(false) });
  };

  if (!editing) {
    return (
      <button type="button" className="button button-small" aria-label={`Amend ${order.side} ${order.quantity} ${order.symbol} order`} data-testid={`amend-order-${order.id}`} onClick={open}>
        Amend
      </button>
    );
  }
  return (
    <form className="cancel-cell" aria-label={`Amend order ${order.clientOrderId}`} data-testid={`amend-form-${order.id}`} onSubmit={submit} noValidate>
      <input type="text" inputMode="decimal" size={8} aria-label="New price" value={price} onChange={(e) => setPrice(e.target.value)} data-testid="amend-price" />
      <input type="text" inputMode="decimal" size={6} aria-label="New quantity" value={quantity} onChange={(e) => setQuantity(e.target.value)} data-testid="amend-quantity" />
      <button type="submit" className="button button-small" disabled={amend.isPending} data-testid="amend-submit">
        {amend.isPending ? "Saving…" : "Save"}
      </button>
      <button type="button" className="button button-small" onClick={() => setEditing(false)}>
        Back
      </button>
      {amend.error ? (
        <span className="inline-error" role="alert" data-testid="amend-error">
          {errorText(amend.error)}
        </span>
      ) : null}
    </form>
  );
}
