import type { OptimizeResultJson } from "@/lib/backtest/jobs/run-view";
import { formatMetric, formatRunTime } from "@/lib/client/backtest-format";
import { EmptyRow } from "@/components/ui/empty-row";

type Window = OptimizeResultJson["windows"][number];

function gapOf(w: Pick<Window, "inSample" | "outOfSample">): number | null {
  return w.inSample === null || w.outOfSample === null ? null : w.inSample - w.outOfSample;
}

function chosenText(chosen: Record<string, number>): string {
  return Object.entries(chosen)
    .map(([name, value]) => `${name} ${value}`)
    .join(", ");
}

/** Per walk-forward window: the parameters chosen in-sample and how they did out of sample. */
export function WalkForwardTable({ windows, metric }: { windows: OptimizeResultJson["windows"]; metric: string }) {
  return (
    <div className="table-scroll">
      <table className="table" aria-label="Walk-forward windows" data-testid="walk-forward-table">
        <thead>
          <tr>
            <th scope="col" className="num">#</th>
            <th scope="col">Train (UTC)</th>
            <th scope="col">Test (UTC)</th>
            <th scope="col">Chosen</th>
            <th scope="col" className="num">In-sample {metric}</th>
            <th scope="col" className="num">Out-of-sample {metric}</th>
            <th scope="col" className="num">Gap</th>
          </tr>
        </thead>
        <tbody>
          {windows.length === 0 ? <EmptyRow colSpan={7}>No windows: the data is shorter than one train and test window.</EmptyRow> : null}
          {windows.map((w, i) => (
            <tr key={w.testFrom} data-testid="walk-forward-row">
              <td className="num">{i + 1}</td>
              <td className="tabular">
                {formatRunTime(w.trainFrom)} to {formatRunTime(w.trainTo)}
              </td>
              <td className="tabular">
                {formatRunTime(w.testFrom)} to {formatRunTime(w.testTo)}
              </td>
              <td>{chosenText(w.chosen)}</td>
              <td className="num">{formatMetric(w.inSample)}</td>
              <td className="num">{formatMetric(w.outOfSample)}</td>
              <td className="num">{formatMetric(gapOf(w))}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
