import { createServer, type Server } from "node:http";
import { logger } from "@/lib/logger";
import { mayReadMetrics } from "./metrics-access";
import type { ProcessName } from "./process-name";
import { metricsRegistry } from "./registry";

/** Split mode: each process serves its own /metrics on its own port (the web serves GET /api/metrics). */
export const DEFAULT_METRICS_PORTS: Partial<Record<ProcessName, number>> = { worker: 9464, realtime: 9465, jobs: 9466 };

export function metricsPort(name: ProcessName, configured: number | undefined): number | null {
  if (configured === 0) return null;
  return configured ?? DEFAULT_METRICS_PORTS[name] ?? null;
}

/** A tiny HTTP server for Prometheus; METRICS_PORT=0 turns it off. Resolves once listening. */
export async function serveMetrics(options: { name: ProcessName; host: string; token?: string; port?: number }): Promise<Server | null> {
  const port = metricsPort(options.name, options.port);
  if (port === null) return null;
  const server = createServer((req, res) => {
    if (new URL(req.url ?? "/", "http://x").pathname !== "/metrics") return void res.writeHead(404).end();
    const headers = new Headers(Object.entries(req.headers).flatMap(([k, v]) => (typeof v === "string" ? [[k, v] as [string, string]] : [])));
    if (!mayReadMetrics(headers, options.token, req.socket.remoteAddress)) return void res.writeHead(401).end("unauthorized\n");
    const registry = metricsRegistry();
    registry.metrics().then(
      (text) => res.writeHead(200, { "content-type": registry.contentType }).end(text),
      (error: unknown) => {
        logger("metrics").error({ err: error }, "metrics collection failed");
        res.writeHead(500).end();
      },
    );
  });
  // A taken port costs this process its /metrics, never its start: trading matters more than being scraped.
  const listening = await new Promise<boolean>((resolve) => server.once("error", (error) => {
    logger("metrics").warn({ err: error, port }, "metrics port unavailable: /metrics not served by this process (set METRICS_PORT)");
    resolve(false);
  }).listen(port, options.host, () => resolve(true)));
  if (!listening) return null;
  logger("metrics").info({ port: (server.address() as { port: number }).port }, "metrics served on /metrics");
  return server;
}
