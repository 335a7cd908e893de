import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { BenchResult } from "./bench-result";

const RESULTS_DIR = join(import.meta.dirname, "..", "results");

/** Overwrites bench/results/<name>.json; returns its path. */
export async function writeResult(result: BenchResult): Promise<string> {
  await mkdir(RESULTS_DIR, { recursive: true });
  const path = join(RESULTS_DIR, `${result.name}.json`);
  await writeFile(path, `${JSON.stringify(result, null, 2)}\n`);
  return path;
}
