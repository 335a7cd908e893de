import { requireActor } from "@/lib/server/auth/require-actor";
import { handler, json, parseQuery } from "@/lib/server/http";
import { metricsQuerySchema, modelMetrics } from "@/lib/server/models/metrics-service";

export const dynamic = "force-dynamic";

export const GET = handler(async (request: Request) => {
  const { ctx } = await requireActor("read", request);
  return json(await modelMetrics(ctx.database.db, parseQuery(request, metricsQuerySchema)));
});
