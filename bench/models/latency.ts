import { summarizeLatency, type LatencySummary } from "../harness/stats";

/** Untimed calls before measuring, so the JIT has compiled the path being timed. */
const WARMUP_CALLS = 300;

/**
 * Per-call latency of fn(0..count-1) after a warm-up over the first inputs (none for stateful fns, which the caller
 * warms on a throwaway instance); the hrtime.bigint calls around each call are included (tens of nanoseconds).
 */
export function latencyOf(count: number, fn: (i: number) => void, warmupCalls = WARMUP_CALLS): LatencySummary {
  for (let i = 0; i < Math.min(warmupCalls, count); i++) fn(i);
  const durations = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    const start = process.hrtime.bigint();
    fn(i);
    durations[i] = Number(process.hrtime.bigint() - start);
  }
  return summarizeLatency(durations);
}

/** Seconds of wall time of an async job, with its result. */
export async function timedSeconds<T>(job: () => Promise<T> | T): Promise<{ result: T; seconds: number }> {
  const start = performance.now();
  const result = await job();
  return { result, seconds: (performance.now() - start) / 1000 };
}
