import type { StatsJson } from "@/lib/backtest/jobs/run-view";
import { statRows } from "@/lib/client/backtest-stats";

/** backtesting.py's statistics, its labels and number formats, as the CLI prints them. */
export function StatsTable({ stats, label = "Statistics" }: { stats: StatsJson; label?: string }) {
  return (
    <div className="table-scroll table-scroll-tall">
      <table className="table stats-table" aria-label={label} data-testid="stats-table">
        <tbody>
          {statRows(stats).map((row) => (
            <tr key={row.key} data-stat={row.key}>
              <th scope="row">{row.label}</th>
              <td className="num">{row.text}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
