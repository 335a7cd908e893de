"use client";

import { formatQuantity, formatTime } from "@/lib/client/format";
import { useLiveOpenOrders } from "@/lib/client/use-live-open-orders";
import { PriceText } from "@/components/market/price-text";
import { DataTable } from "@/components/ui/data-table";
import { Panel } from "@/components/ui/panel";
import { QueryStatus } from "@/components/ui/query-status";
import { AmendOrderForm } from "@/components/orders/amend-order-form";
import { CancelOrderButton } from "@/components/orders/cancel-order-button";

const ORDER_COLUMNS = [
  { label: "Time" }, { label: "Symbol" }, { label: "Side" }, { label: "Type" }, { label: "Qty", numeric: true },
  { label: "Filled", numeric: true }, { label: "Price", numeric: true }, { label: "Status" }, { label: "Actions", hidden: true },
];

/** Working orders, kept current by `order` events, each with a Cancel button (and Amend for LIMIT and STOP orders). */
export function OpenOrdersTable() {
  const { data, isPending, error } = useLiveOpenOrders();
  const orders = data?.items ?? [];

  return (
    <Panel title="Open orders" span={6}>
      <QueryStatus isPending={isPending} error={error} label="open orders" />
      <DataTable label="Open orders" testId="open-orders-table" columns={ORDER_COLUMNS} empty={data && orders.length === 0 ? "No open orders" : null}>
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
              <div className="cancel-cell">
                <AmendOrderForm order={order} />
                <CancelOrderButton order={order} />
              </div>
            </td>
          </tr>
        ))}
      </DataTable>
    </Panel>
  );
}
