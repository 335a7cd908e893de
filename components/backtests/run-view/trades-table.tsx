import type { TradeJson } from "@/lib/backtest/jobs/run-view";
import { isShort } from "@/lib/client/backtest-markers";
import { formatRunTime } from "@/lib/client/backtest-format";
import { formatFee, formatPercent, formatPrice, formatQuantity } from "@/lib/client/format";
import { EmptyRow } from "@/components/ui/empty-row";
import { SignedValue } from "@/components/ui/signed-value";

/** Every closed trade, as the engine reported it (exact decimals). */
export function TradesTable({ trades }: { trades: readonly TradeJson[] }) {
  return (
    <div className="table-scroll">
      <table className="table" aria-label="Trades" data-testid="trades-table">
        <thead>
          <tr>
            <th scope="col" className="num">#</th>
            <th scope="col">Side</th>
            <th scope="col" className="num">Size</th>
            <th scope="col">Entry (UTC)</th>
            <th scope="col" className="num">Entry price</th>
            <th scope="col">Exit (UTC)</th>
            <th scope="col" className="num">Exit price</th>
            <th scope="col" className="num">P&amp;L</th>
            <th scope="col" className="num">Return</th>
            <th scope="col" className="num">Commission</th>
          </tr>
        </thead>
        <tbody>
          {trades.length === 0 ? <EmptyRow colSpan={10}>No closed trades.</EmptyRow> : null}
          {trades.map((t, i) => (
            <tr key={`${t.entryTime}-${i}`} data-testid="trade-row">
              <td className="num">{i + 1}</td>
              <td className={isShort(t) ? "text-down" : "text-up"}>{isShort(t) ? "Short" : "Long"}</td>
              <td className="num">{formatQuantity(t.size.replace(/^-/, ""))}</td>
              <td className="tabular">{formatRunTime(t.entryTime)}</td>
              <td className="num">{formatPrice(t.entryPrice)}</td>
              <td className="tabular">{formatRunTime(t.exitTime)}</td>
              <td className="num">{formatPrice(t.exitPrice)}</td>
              <td className="num">
                <SignedValue value={t.pnl} />
              </td>
              <td className="num">{formatPercent(t.returnPct)}</td>
              <td className="num">{formatFee(t.commission)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
