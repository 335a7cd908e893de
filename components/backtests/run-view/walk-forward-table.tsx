import type { OptimizeResultJson } from "@/lib/backtest/jobs/run-view";
import { formatMetric, formatRunTime } from "@/lib/client/backtest-format";
import { DataTable } from "@/components/ui/data-table";

type Window = OptimizeResultJson["windows"][number];

function gapOf(w: Pick<Window, "inSample" | "outOfSample">): number | null {
  return w.inSample === null || w.outOfSample === null ? null : w.inSample - w.outOfSample;
}

function chosenText(chosen: Record<string, number>): string {
  return Object.entries(chosen)
    .map(([name, value]) => `${name} ${value}`)
    .join(", ");
}

function windowColumns(metric: string) {
  return [
    { label: "#", numeric: true }, { label: "Train (UTC)" }, { label: "Test (UTC)" }, { label: "Chosen" },
    { label: `In-sample ${metric}`, numeric: true }, { label: `Out-of-sample ${metric}`, numeric: true }, { label: "Gap", numeric: true },
  ];
}

/** Per walk-forward window: the parameters chosen in-sample and how they did out of sample. */
export function WalkForwardTable({ windows, metric }: { windows: OptimizeResultJson["windows"]; metric: string }) {
  return (
    <DataTable label="Walk-forward windows" testId="walk-forward-table" columns={windowColumns(metric)} empty={windows.length === 0 ? "No windows: the data is shorter than one train and test window." : null}>
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
    </DataTable>
  );
}
