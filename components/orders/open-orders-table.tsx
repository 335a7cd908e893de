"use client";

import { formatQuantity, formatTime } from "@/lib/client/format";
import { useLiveOpenOrders } from "@/lib/client/use-live-open-orders";
import { PriceText } from "@/components/market/price-text";
import { EmptyRow } from "@/components/ui/empty-row";
import { Panel } from "@/components/ui/panel";
import { QueryStatus } from "@/components/ui/query-status";
import { CancelOrderButton } from "@/components/orders/cancel-order-button";

/** Working orders, kept current by `order` events, each with a Cancel button. */
export function OpenOrdersTable() {
  const { data, isPending, error } = useLiveOpenOrders();
  const orders = data?.items ?? [];

  return (
    <Panel title="Open orders" span={6}>
      <QueryStatus isPending={isPending} error={error} label="open orders" />
      <div className="table-scroll">
        <table className="table" data-testid="open-orders-table" aria-label="Open orders">
          <thead>
            <tr>
              <th scope="col">Time</th>
              <th scope="col">Symbol</th>
              <th scope="col">Side</th>
              <th scope="col">Type</th>
              <th scope="col" className="num">Qty</th>
              <th scope="col" className="num">Filled</th>
              <th scope="col" className="num">Price</th>
              <th scope="col">Status</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {data && orders.length === 0 ? <EmptyRow colSpan={9}>No open orders</EmptyRow> : null}
            {orders.map((order) => (
              <tr key={order.id} data-testid="order-row" data-order-id={order.id} data-client-order-id={order.clientOrderId}>
                <td className="tabular">{formatTime(order.createdAt)}</td>
                <th scope="row">{order.symbol}</th>
                <td className={order.side === "BUY" ? "text-up" : "text-down"}>{order.side}</td>
                <td>{order.type}</td>
                <td className="num">{formatQuantity(order.quantity)}</td>
                <td className="num">{formatQuantity(order.filledQuantity)}</td>
                <td className="num">{order.price ? <PriceText symbol={order.symbol} value={order.price} /> : "MKT"}</td>
                <td>
                  <span className="status-text" data-testid="order-status">
                    {order.status}
                  </span>
                </td>
                <td>
                  <CancelOrderButton order={order} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Panel>
  );
}
