import type { Environment } from "./environment";

/** One printed table: the first column labels the row, the rest line up under `columns`. */
export interface ResultTable {
  columns: readonly string[];
  rows: readonly (readonly string[])[];
}

/** What every benchmark returns; run.ts prints it and writes it to bench/results/<name>.json. */
export interface BenchResult {
  name: string;
  title: string;
  environment: Environment;
  table: ResultTable;
  /** One-line verdict against the benchmark's target. */
  target: { description: string; met: boolean };
  /** What the figures include and leave out, printed under the table. */
  notes: readonly string[];
  /** Every measured figure, for the JSON file. */
  figures: object;
}

/** A benchmark file: one exported name and run(), listed once in registry.ts. */
export interface BenchModule {
  name: string;
  run(): Promise<BenchResult>;
}
