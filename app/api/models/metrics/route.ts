import { requireActor } from "@/lib/server/auth/require-actor";
import { handler, json } from "@/lib/server/http";
import { modelMetrics } from "@/lib/server/models/model-service";

export const dynamic = "force-dynamic";

export const GET = handler(async (request: Request) => {
  const { ctx } = await requireActor("read", request);
  return json({ versions: await modelMetrics(ctx.database.db) });
});
