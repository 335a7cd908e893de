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
  /** The slowest first answer on a new connection: how long the last of the connections opened at once waited. */
  firstResponseMaxMs: number;
  /** Connection errors, timeouts and responses other than 2xx over the whole run, settling included. */
  failed: number;
}

export interface LoadOptions {
  url: string;
  connections: number;
  /** Load before anything is counted: connections opened, JIT and caches warm. */
  settleSeconds: number;
  seconds: number;
  headers?: Record<string, string>;
}

interface Sample {
  sentAt: number;
  latencyMs: number;
}

/**
 * Closed-loop load, one request at a time per connection (no pipelining). Latency and throughput count the
 * requests sent after the settling time, so they describe the steady state at this many connections; every
 * response's own latency is kept, so the percentiles are exact. Failures count from the first request.
 */
export async function measureLoad(options: LoadOptions): Promise<LoadFigures> {
  const samples: Sample[] = [];
  const firstResponses = new Map<unknown, number>();
  let failedResponses = 0;
  const started = performance.now();
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({
      url: options.url, connections: options.connections, duration: options.settleSeconds + options.seconds, pipelining: 1, timeout: 10,
      headers: options.headers ?? {},
    }, (error, figures) => (error ? reject(error) : resolve(figures)));
    instance.on("response", (client, statusCode, _bytes, responseTime) => {
      if (!firstResponses.has(client)) firstResponses.set(client, responseTime);
      samples.push({ sentAt: performance.now() - started - responseTime, latencyMs: responseTime });
      if (statusCode < 200 || statusCode >= 300) failedResponses += 1;
    });
  });
  const steady = samples.filter((s) => s.sentAt >= options.settleSeconds * 1000);
  const sorted = Float64Array.from(steady, (s) => s.latencyMs).sort();
  const at = (p: number) => (sorted.length > 0 ? percentileOfSorted(sorted, p) : Number.NaN);
  return {
    connections: options.connections,
    seconds: options.seconds,
    requests: steady.length,
    requestsPerSecond: steady.length / options.seconds,
    p50Ms: at(50), p95Ms: at(95), p99Ms: at(99), maxMs: sorted.length > 0 ? sorted[sorted.length - 1]! : Number.NaN,
    firstResponseMaxMs: Math.max(...firstResponses.values()),
    failed: failedResponses + result.errors + result.timeouts,
  };
}
