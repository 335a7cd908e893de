import autocannon from "autocannon";
import { percentileOfSorted } from "../harness/stats";

export interface LoadFigures {
  connections: number;
  seconds: number;
  requests: number;
  requestsPerSecond: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
  /** Connection errors, timeouts and responses other than 2xx: each one is a request a user saw fail. */
  failed: number;
}

export interface LoadOptions {
  url: string;
  connections: number;
  seconds: number;
  headers?: Record<string, string>;
}

/**
 * Closed-loop load, one request at a time per connection (no pipelining), with every response's latency kept so
 * the percentiles are exact rather than read off autocannon's coarser histogram.
 */
export async function measureLoad(options: LoadOptions): Promise<LoadFigures> {
  const latencies: number[] = [];
  let failedResponses = 0;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({
      url: options.url, connections: options.connections, duration: options.seconds, pipelining: 1, timeout: 10,
      headers: options.headers ?? {},
    }, (error, figures) => (error ? reject(error) : resolve(figures)));
    instance.on("response", (_client, statusCode, _bytes, responseTime) => {
      latencies.push(responseTime);
      if (statusCode < 200 || statusCode >= 300) failedResponses += 1;
    });
  });
  const sorted = Float64Array.from(latencies).sort();
  const at = (p: number) => (sorted.length > 0 ? percentileOfSorted(sorted, p) : Number.NaN);
  return {
    connections: options.connections,
    seconds: options.seconds,
    requests: latencies.length,
    requestsPerSecond: latencies.length / options.seconds,
    p50Ms: at(50), p95Ms: at(95), p99Ms: at(99), maxMs: sorted.length > 0 ? sorted[sorted.length - 1] : Number.NaN,
    failed: failedResponses + result.errors + result.timeouts,
  };
}

/** A short run whose figures are thrown away: JIT, pools and caches warm before anything is counted. */
export async function warmUp(options: Omit<LoadOptions, "seconds">): Promise<void> {
  await measureLoad({ ...options, seconds: 2 });
}
