import { markProcessUp, metricsRegistry } from "@/lib/metrics";
import { mayReadMetrics } from "@/lib/metrics/metrics-access";
import { ApiError } from "@/lib/server/api-error";
import { getServerContext } from "@/lib/server/context";
import { handler } from "@/lib/server/http";

export const dynamic = "force-dynamic";

/** Prometheus text format of this process (in embedded mode: web, engine and jobs together). */
export const GET = handler(async (request: Request) => {
  const { config, mode } = await getServerContext();
  if (!mayReadMetrics(request.headers, config.METRICS_TOKEN)) {
    throw new ApiError(401, "UNAUTHENTICATED", "Metrics need a request from this machine or the METRICS_TOKEN bearer token");
  }
  if (mode === "split") markProcessUp("web");
  const registry = metricsRegistry();
  return new Response(await registry.metrics(), { headers: { "content-type": registry.contentType, "cache-control": "no-store" } });
});
