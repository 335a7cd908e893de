import type { StatsJson } from "@/lib/backtest/jobs/run-view";
import { compareStatRows } from "@/lib/client/backtest-stats";
import { directionClass } from "@/lib/client/format";

interface CompareStatsTableProps {
  a: { name: string; stats: StatsJson };
  b: { name: string; stats: StatsJson };
}

/** The two statistics tables side by side, and B minus A. */
export function CompareStatsTable({ a, b }: CompareStatsTableProps) {
  return (
    <div className="table-scroll table-scroll-tall">
      <table className="table stats-table" aria-label="Statistics compared" data-testid="compare-stats-table">
        <thead>
          <tr>
            <th scope="col">Statistic</th>
            <th scope="col" className="num">A: {a.name}</th>
            <th scope="col" className="num">B: {b.name}</th>
            <th scope="col" className="num">B − A</th>
          </tr>
        </thead>
        <tbody>
          {compareStatRows(a.stats, b.stats).map((row) => (
            <tr key={row.key} data-stat={row.key}>
              <th scope="row">{row.label}</th>
              <td className="num">{row.a}</td>
              <td className="num">{row.b}</td>
              <td className={`num ${directionClass(row.direction)}`}>{row.difference}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
