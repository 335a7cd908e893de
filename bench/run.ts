// Runs the benchmarks in registry.ts: `npm run bench` for all, `npm run bench -- ingest` for one by name.
// Each prints a table and writes bench/results/<name>.json. A missed target is reported, not a failure: speed on a
// shared machine is a measurement, never a pass/fail test (BENCH_STRICT=1 makes a miss exit 1).
// Run on an otherwise idle machine: the figures are single-core wall-clock throughput and latency.
import type { BenchModule, BenchResult } from "./harness/bench-result";
import { renderTable } from "./harness/format";
import { writeResult } from "./harness/write-result";
import { BENCHMARKS } from "./registry";

function selectBenchmarks(names: readonly string[]): readonly BenchModule[] {
  if (names.length === 0) return BENCHMARKS;
  const known = new Map(BENCHMARKS.map((b) => [b.name, b]));
  const unknown = names.filter((n) => !known.has(n));
  if (unknown.length > 0) {
    throw new Error(`Unknown benchmark ${unknown.join(", ")}; known: ${[...known.keys()].join(", ")}`);
  }
  return names.map((n) => known.get(n) as BenchModule);
}

function printResult(result: BenchResult, path: string, seconds: number): void {
  const { node, cpu, cores, platform, date } = result.environment;
  console.log(`\n== ${result.title}`);
  console.log(`node ${node} | ${cpu} (${cores} cores) | ${platform} | ${date}\n`);
  console.log(renderTable(result.table));
  console.log(`\ntarget: ${result.target.description}: ${result.target.met ? "MET" : "NOT MET"}`);
  for (const note of result.notes) console.log(`- ${note}`);
  console.log(`(${seconds.toFixed(1)} s; written to ${path})`);
}

async function main(): Promise<void> {
  const selected = selectBenchmarks(process.argv.slice(2));
  let allMet = true;
  for (const benchmark of selected) {
    const started = performance.now();
    const result = await benchmark.run();
    const path = await writeResult(result);
    printResult(result, path, (performance.now() - started) / 1000);
    allMet &&= result.target.met;
  }
  if (!allMet) {
    console.log("\nsome targets were NOT MET (see above)");
    if (process.env.BENCH_STRICT === "1") process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 2;
});
