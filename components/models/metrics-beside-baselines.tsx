import type { MetricHeadline, WindowHeadline } from "@/lib/server/models/model-views";
import { formatPct } from "@/lib/client/backtest-format";
import { formatModelTime, formatScore } from "@/lib/client/model-format";
import { DataTable } from "@/components/ui/data-table";

const COLUMNS = [
  { label: "Predictor" },
  { label: "Samples", numeric: true },
  { label: "Accuracy", numeric: true },
  { label: "Bal. accuracy", numeric: true },
  { label: "F1", numeric: true },
  { label: "AUC", numeric: true },
  { label: "Log loss", numeric: true },
  { label: "Return", numeric: true },
  { label: "Sharpe", numeric: true },
  { label: "Max. DD", numeric: true },
  { label: "Trades", numeric: true },
];

function MetricRow({ row, kind }: { row: MetricHeadline; kind: "model" | "baseline" }) {
  return (
    <tr data-testid={`${kind}-metrics-row`} className={kind === "model" ? "metrics-model-row" : undefined}>
      <th scope="row">{kind === "model" ? `${row.name} (model)` : row.name}</th>
      <td className="num">{row.samples}</td>
      <td className="num">{formatScore(row.accuracy)}</td>
      <td className="num">{formatScore(row.balancedAccuracy)}</td>
      <td className="num">{formatScore(row.f1)}</td>
      <td className="num">{formatScore(row.rocAuc)}</td>
      <td className="num">{formatScore(row.logLoss)}</td>
      <td className="num">{formatPct(row.returnPct)}</td>
      <td className="num">{formatScore(row.sharpeRatio)}</td>
      <td className="num">{formatPct(row.maxDrawdownPct)}</td>
      <td className="num">{row.trades}</td>
    </tr>
  );
}

/** One window's model metrics with every baseline scored on the same bars: a model's number never appears alone. */
export function MetricsBesideBaselines({ title, window }: { title: string; window: WindowHeadline }) {
  return (
    <figure className="metrics-window">
      <figcaption>
        {title}: {formatModelTime(window.from)} to {formatModelTime(window.to)}
      </figcaption>
      <DataTable label={`${title} metrics beside the baselines`} testId="metrics-table" columns={COLUMNS} className="stats-table">
        <MetricRow row={window.model} kind="model" />
        {window.baselines.map((b) => (
          <MetricRow key={b.name} row={b} kind="baseline" />
        ))}
      </DataTable>
    </figure>
  );
}
