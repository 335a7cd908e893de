"use client";

import { formatFee, formatQuantity, formatTime } from "@/lib/client/format";
import { useLiveFills } from "@/lib/client/use-live-fills";
import { PriceText } from "@/components/market/price-text";
import { EmptyRow } from "@/components/ui/empty-row";
import { Panel } from "@/components/ui/panel";
import { QueryStatus } from "@/components/ui/query-status";

/** The latest 50 fills, newest first; `fill` events are prepended. */
export function FillsTable() {
  const { data, isPending, error } = useLiveFills();
  const fills = data?.items ?? [];

  return (
    <Panel title="Recent fills" span={12}>
      <QueryStatus isPending={isPending} error={error} label="fills" />
      <div className="table-scroll">
        <table className="table" data-testid="fills-table" aria-label="Recent fills">
          <thead>
            <tr>
              <th scope="col">Time</th>
              <th scope="col">Symbol</th>
              <th scope="col">Side</th>
              <th scope="col" className="num">Qty</th>
              <th scope="col" className="num">Price</th>
              <th scope="col" className="num">Fee</th>
              <th scope="col">Liquidity</th>
            </tr>
          </thead>
          <tbody>
            {data && fills.length === 0 ? <EmptyRow colSpan={7}>No fills yet</EmptyRow> : null}
            {fills.map((fill) => (
              <tr key={fill.id} data-testid="fill-row" data-fill-id={fill.id} data-order-id={fill.orderId}>
                <td className="tabular">{formatTime(fill.ts)}</td>
                <th scope="row">{fill.symbol}</th>
                <td className={fill.side === "BUY" ? "text-up" : "text-down"}>{fill.side}</td>
                <td className="num">{formatQuantity(fill.quantity)}</td>
                <td className="num">
                  <PriceText symbol={fill.symbol} value={fill.price} />
                </td>
                <td className="num">{formatFee(fill.fee)}</td>
                <td>{fill.liquidity}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Panel>
  );
}
