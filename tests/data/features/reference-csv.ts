import { readFileSync } from "node:fs";
import { sharedDataPath } from "@/tests/support/shared-data";

/** A reference cell: its value and how many decimals the file printed (its rounding). */
export interface ReferenceCell {
  value: number;
  decimals: number;
}

/** One ta reference file as columns by header name; an empty cell (warm-up) is null. */
export type ReferenceColumns = Record<string, (ReferenceCell | null)[]>;

function parseCell(text: string | undefined): ReferenceCell | null {
  if (text === undefined || text.trim() === "") return null;
  const fraction = /\.(\d+)/.exec(text);
  return { value: Number(text), decimals: fraction ? fraction[1].length : 0 };
}

export function readReferenceCsv(file: string): ReferenceColumns {
  const [header, ...lines] = readFileSync(sharedDataPath("ta-stockcharts-vectors", file), "utf8").trim().split(/\r?\n/);
  const names = header.split(",");
  const columns: ReferenceColumns = Object.fromEntries(names.map((name) => [name, []]));
  for (const line of lines) {
    const cells = line.split(",");
    names.forEach((name, i) => columns[name].push(parseCell(cells[i])));
  }
  return columns;
}

export function numbers(columns: ReferenceColumns, name: string): number[] {
  const column = columns[name];
  if (!column || column.some((cell) => cell === null)) throw new Error(`column ${name} is missing or has gaps`);
  return column.map((cell) => cell!.value);
}

export interface Comparison {
  /** Rows where the reference has a value. */
  compared: number;
  /** Rows where the reference has a value and the implementation none. */
  missing: number[];
  /** Rows off by more than `tolerance` relative AND by more than the file's own rounding (half its last decimal). */
  outside: number[];
  maxRelativeError: number;
  worstRow: number;
}

/** Compares every row from `fromRow` where the reference has a value. */
export function compareSeries(actual: (number | null | undefined)[], expected: (ReferenceCell | null)[], tolerance: number, fromRow = 0): Comparison {
  const result: Comparison = { compared: 0, missing: [], outside: [], maxRelativeError: 0, worstRow: -1 };
  for (let row = fromRow; row < expected.length; row++) {
    const cell = expected[row];
    if (cell === null) continue;
    result.compared++;
    const a = actual[row];
    if (a === null || a === undefined) {
      result.missing.push(row);
      continue;
    }
    const absolute = Math.abs(a - cell.value);
    const relative = cell.value === 0 ? absolute : absolute / Math.abs(cell.value);
    if (!(relative <= result.maxRelativeError)) Object.assign(result, { maxRelativeError: relative, worstRow: row });
    const rounding = 0.5 * 10 ** -cell.decimals * (1 + 1e-9);
    if (!(relative < tolerance || absolute <= rounding)) result.outside.push(row);
  }
  return result;
}
