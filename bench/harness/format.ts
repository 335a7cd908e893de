import type { ResultTable } from "./bench-result";

export function formatRate(perSecond: number): string {
  return Math.round(perSecond).toLocaleString("en-US");
}

export function formatMicros(us: number): string {
  return us < 10 ? us.toFixed(2) : us.toFixed(1);
}

export function formatRatio(ratio: number): string {
  return `${ratio.toFixed(2)}x`;
}

/** Plain-text table: first column left-aligned, figures right-aligned. */
export function renderTable(table: ResultTable): string {
  const all = [table.columns, ...table.rows];
  const widths = table.columns.map((_, col) => Math.max(...all.map((row) => (row[col] ?? "").length)));
  const line = (row: readonly string[]) =>
    row.map((cell, col) => (col === 0 ? cell.padEnd(widths[col]) : cell.padStart(widths[col]))).join("  ");
  const rule = widths.map((w) => "-".repeat(w)).join("  ");
  return [line(table.columns), rule, ...table.rows.map(line)].join("\n");
}
