"use client";

import { directionClass, directionOf, formatQuantity } from "@/lib/client/format";
import { useLivePositions } from "@/lib/client/use-live-positions";
import { PriceText } from "@/components/market/price-text";
import { DataTable } from "@/components/ui/data-table";
import { Panel } from "@/components/ui/panel";
import { QueryStatus } from "@/components/ui/query-status";
import { SignedValue } from "@/components/ui/signed-value";

const POSITION_COLUMNS = [
  { label: "Symbol" }, { label: "Qty", numeric: true }, { label: "Avg price", numeric: true },
  { label: "Mark", numeric: true }, { label: "Unrealized", numeric: true }, { label: "Realized", numeric: true },
];

/** Open positions, replaced whole by each `positions` event. */
export function PositionsTable() {
  const { data, isPending, error } = useLivePositions();
  const positions = (data?.positions ?? []).filter(
    (p) => directionOf(p.quantity) !== "flat" || directionOf(p.realizedPnl) !== "flat",
  );

  return (
    <Panel title="Positions" span={6}>
      <QueryStatus isPending={isPending} error={error} label="positions" />
      <DataTable label="Positions" testId="positions-table" columns={POSITION_COLUMNS} empty={data && positions.length === 0 ? "No positions" : null}>
        {positions.map((p) => (
          <tr key={p.symbol} data-testid={`position-row-${p.symbol}`}>
            <th scope="row">{p.symbol}</th>
            <td className={`num ${directionClass(directionOf(p.quantity))}`} data-testid="position-qty">
              {formatQuantity(p.quantity)}
            </td>
            <td className="num"><PriceText symbol={p.symbol} value={p.averagePrice} /></td>
            <td className="num"><PriceText symbol={p.symbol} value={p.markPrice} /></td>
            <td className="num">
              <SignedValue value={p.unrealizedPnl} />
            </td>
            <td className="num">
              <SignedValue value={p.realizedPnl} />
            </td>
          </tr>
        ))}
      </DataTable>
    </Panel>
  );
}
