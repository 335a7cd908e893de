import type { ResultTable } from "../harness/bench-result";
import { formatMicros, formatRate, formatRatio } from "../harness/format";
import type { LatencySummary } from "../harness/stats";
import type { SideFigures } from "./measure";

/**
 * Baseline and pipeline side by side; the ratio column is pipeline / baseline, for throughput the median of
 * the ratios within each repetition (robust to a noisy machine), for latency the ratio of the medians.
 */
export function ingestTable(baseline: SideFigures, pipeline: SideFigures, throughputRatio: number, timer: LatencySummary): ResultTable {
  const latencyRow = (label: string, pick: (l: LatencySummary) => number): string[] => [
    label,
    formatMicros(pick(baseline.latency)),
    formatMicros(pick(pipeline.latency)),
    formatRatio(pick(pipeline.latency) / pick(baseline.latency)),
  ];
  return {
    columns: ["", "baseline (parse only)", "pipeline", "pipeline/baseline"],
    rows: [
      ["ticks/s (median)", formatRate(baseline.ticksPerSecond), formatRate(pipeline.ticksPerSecond), formatRatio(throughputRatio)],
      ["ticks/s (slowest run)", formatRate(baseline.ticksPerSecondRange[0]), formatRate(pipeline.ticksPerSecondRange[0]), ""],
      ["ticks/s (fastest run)", formatRate(baseline.ticksPerSecondRange[1]), formatRate(pipeline.ticksPerSecondRange[1]), ""],
      latencyRow("latency p50 µs", (l) => l.p50Us),
      latencyRow("latency p99 µs", (l) => l.p99Us),
      latencyRow("latency p99.9 µs", (l) => l.p999Us),
      latencyRow("latency max µs", (l) => l.maxUs),
      ["timer overhead p50 µs", formatMicros(timer.p50Us), formatMicros(timer.p50Us), ""],
    ],
  };
}
