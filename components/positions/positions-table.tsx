"use client";

import { directionClass, directionOf, formatQuantity } from "@/lib/client/format";
import { useLivePositions } from "@/lib/client/use-live-positions";
import { PriceText } from "@/components/market/price-text";
import { EmptyRow } from "@/components/ui/empty-row";
import { Panel } from "@/components/ui/panel";
import { QueryStatus } from "@/components/ui/query-status";
import { SignedValue } from "@/components/ui/signed-value";

/** Open positions, replaced whole by each `positions` event. */
export function PositionsTable() {
  const { data, isPending, error } = useLivePositions();
  const positions = (data?.positions ?? []).filter(
    (p) => directionOf(p.quantity) !== "flat" || directionOf(p.realizedPnl) !== "flat",
  );

  return (
    <Panel title="Positions" span={6}>
      <QueryStatus isPending={isPending} error={error} label="positions" />
      <div className="table-scroll">
        <table className="table" data-testid="positions-table" aria-label="Positions">
          <thead>
            <tr>
              <th scope="col">Symbol</th>
              <th scope="col" className="num">Qty</th>
              <th scope="col" className="num">Avg price</th>
              <th scope="col" className="num">Mark</th>
              <th scope="col" className="num">Unrealized</th>
              <th scope="col" className="num">Realized</th>
            </tr>
          </thead>
          <tbody>
            {data && positions.length === 0 ? <EmptyRow colSpan={6}>No positions</EmptyRow> : null}
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
          </tbody>
        </table>
      </div>
    </Panel>
  );
}
