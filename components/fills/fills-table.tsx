"use client";

import { formatFee, formatQuantity, formatTime } from "@/lib/client/format";
import { useLiveFills } from "@/lib/client/use-live-fills";
import { PriceText } from "@/components/market/price-text";
import { Panel } from "@/components/ui/panel";
import { QueryStatus } from "@/components/ui/query-status";
import { DataTable } from "@/components/ui/data-table";

const FILL_COLUMNS = [
  { label: "Time" }, { label: "Symbol" }, { label: "Side" }, { label: "Qty", numeric: true },
  { label: "Price", numeric: true }, { label: "Fee", numeric: true }, { label: "Liquidity" },
];

/** The latest 50 fills, newest first; `fill` events are prepended. */
export function FillsTable() {
  const { data, isPending, error } = useLiveFills();
  const fills = data?.items ?? [];

  return (
    <Panel title="Recent fills" span={12}>
      <QueryStatus isPending={isPending} error={error} label="fills" />
      <DataTable label="Recent fills" testId="fills-table" columns={FILL_COLUMNS} empty={data && fills.length === 0 ? "No fills yet" : null}>
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
      </DataTable>
    </Panel>
  );
}
