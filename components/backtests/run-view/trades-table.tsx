import type { TradeJson } from "@/lib/backtest/jobs/run-view";
import { isShort } from "@/lib/client/backtest-markers";
import { formatRunTime } from "@/lib/client/backtest-format";
import { formatFee, formatPercent, formatPrice, formatQuantity } from "@/lib/client/format";
import { DataTable } from "@/components/ui/data-table";
import { SignedValue } from "@/components/ui/signed-value";

const TRADE_COLUMNS = [
  { label: "#", numeric: true }, { label: "Side" }, { label: "Size", numeric: true }, { label: "Entry (UTC)" }, { label: "Entry price", numeric: true },
  { label: "Exit (UTC)" }, { label: "Exit price", numeric: true }, { label: "P&L", numeric: true }, { label: "Return", numeric: true }, { label: "Commission", numeric: true },
];

/** Every closed trade, as the engine reported it (exact decimals). */
export function TradesTable({ trades }: { trades: readonly TradeJson[] }) {
  return (
    <DataTable label="Trades" testId="trades-table" columns={TRADE_COLUMNS} empty={trades.length === 0 ? "No closed trades." : null}>
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
    </DataTable>
  );
}
