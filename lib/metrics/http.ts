import { Histogram, type Registry } from "prom-client";
import { appMetrics } from "./registry";

export interface HttpMetrics {
  duration: Histogram<"route" | "method" | "status">;
}

// Seconds; the p95 target of a route is 200 ms, so the buckets are fine around it.
const HTTP_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.2, 0.3, 0.5, 1, 2.5, 5, 10];

export function defineHttpMetrics(registry: Registry): HttpMetrics {
  const duration = new Histogram({
    name: "tradeforge_http_request_duration_seconds", help: "API request latency by route pattern, method and status",
    labelNames: ["route", "method", "status"], buckets: HTTP_BUCKETS, registers: [registry],
  });
  return { duration };
}

/** `route` must be a route pattern (/api/orders/[id]), never a raw path, to keep the series bounded. */
export function observeHttp(route: string, method: string, status: number, seconds: number): void {
  appMetrics().http.duration.observe({ route, method, status: String(status) }, seconds);
}
