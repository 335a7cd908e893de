import type { EvaluationRow } from "@/lib/ml/evaluation/evaluation-row";

const COLUMNS: Array<[string, (row: EvaluationRow) => string]> = [
  ["predictor", (r) => r.name],
  ["n", (r) => String(r.samples)],
  ["acc", (r) => r.accuracy.toFixed(3)],
  ["bal.acc", (r) => r.balancedAccuracy.toFixed(3)],
  ["prec", (r) => r.precision.toFixed(3)],
  ["recall", (r) => r.recall.toFixed(3)],
  ["F1", (r) => r.f1.toFixed(3)],
  ["AUC", (r) => r.rocAuc.toFixed(3)],
  ["logloss", (r) => r.logLoss.toFixed(3)],
  ["ECE", (r) => r.calibration.ece.toFixed(3)],
  ["return %", (r) => r.returnPct.toFixed(2)],
  ["Sharpe", (r) => (Number.isFinite(r.sharpeRatio) ? r.sharpeRatio.toFixed(2) : String(r.sharpeRatio))],
  ["maxDD %", (r) => r.maxDrawdownPct.toFixed(2)],
  ["trades", (r) => String(r.trades)],
];

/** The model and its baselines side by side as a Markdown table (what the README and the console show). */
export function formatEvaluationTable(rows: readonly EvaluationRow[]): string {
  const cells = rows.map((row) => COLUMNS.map(([, cell]) => cell(row)));
  const header = `| ${COLUMNS.map(([title]) => title).join(" | ")} |`;
  const rule = `|${COLUMNS.map((_, i) => (i === 0 ? "---" : "---:")).join("|")}|`;
  return [header, rule, ...cells.map((c) => `| ${c.join(" | ")} |`)].join("\n");
}
