import { latencyPass, throughputPass, type MessageHandler } from "../harness/passes";
import { median, summarizeLatency, type LatencySummary } from "../harness/stats";

export interface SideFigures {
  /** Median over repetitions. */
  ticksPerSecond: number;
  /** Slowest and fastest repetition: how noisy the machine was. */
  ticksPerSecondRange: [number, number];
  /** Median of each percentile over repetitions. */
  latency: LatencySummary;
  runs: { ticksPerSecond: number; latency: LatencySummary }[];
}

export interface MeasureOptions {
  messages: readonly string[];
  warmupMessages: readonly string[];
  warmupRounds: number;
  repetitions: number;
}

/** A fresh handler per pass: each pass starts from the same state (e.g. the same resting orders). */
export type HandlerFactory = () => MessageHandler;

class Noop implements MessageHandler {
  handle(): void {}
}

/** Optimizes both paths before anything is measured, so the first repetition is not the JIT's. */
export function warmUp(factories: readonly HandlerFactory[], options: MeasureOptions): void {
  for (let round = 0; round < options.warmupRounds; round++) {
    for (const make of factories) {
      throughputPass(make(), options.warmupMessages);
      latencyPass(make(), options.warmupMessages);
    }
  }
}

/**
 * Runs the sides back to back inside each repetition so drift (thermal, noisy neighbours) hits both
 * alike and pairedRatio can compare like with like; throughput comes from untimed passes, latency from
 * separate passes that time every call.
 */
export function measureSides(factories: readonly HandlerFactory[], options: MeasureOptions): SideFigures[] {
  const runs = factories.map(() => [] as SideFigures["runs"]);
  for (let rep = 0; rep < options.repetitions; rep++) {
    const rates = factories.map((make) => throughputPass(make(), options.messages));
    const latencies = factories.map((make) => summarizeLatency(latencyPass(make(), options.messages)));
    factories.forEach((_, side) => runs[side].push({ ticksPerSecond: rates[side], latency: latencies[side] }));
  }
  return runs.map(summarizeRuns);
}

/** Latency of timing a call that does nothing: the floor under every latency figure. */
export function timerOverhead(messages: readonly string[]): LatencySummary {
  return summarizeLatency(latencyPass(new Noop(), messages));
}

/** Median over repetitions of a side's throughput divided by the reference's in the same repetition. */
export function pairedRatio(side: SideFigures, reference: SideFigures): number {
  return median(side.runs.map((run, i) => run.ticksPerSecond / reference.runs[i].ticksPerSecond));
}

function summarizeRuns(runs: SideFigures["runs"]): SideFigures {
  const of = (pick: (l: LatencySummary) => number) => median(runs.map((r) => pick(r.latency)));
  const rates = runs.map((r) => r.ticksPerSecond);
  return {
    ticksPerSecond: median(rates),
    ticksPerSecondRange: [Math.min(...rates), Math.max(...rates)],
    latency: { samples: runs[0].latency.samples, p50Us: of((l) => l.p50Us), p99Us: of((l) => l.p99Us), p999Us: of((l) => l.p999Us), maxUs: of((l) => l.maxUs) },
    runs,
  };
}
