import { requireActor } from "@/lib/server/auth/require-actor";
import { handler, json } from "@/lib/server/http";
import { listModels } from "@/lib/server/models/model-service";

export const dynamic = "force-dynamic";

export const GET = handler(async (request: Request) => {
  const { ctx } = await requireActor("read", request);
  return json({ versions: await listModels(ctx.database.db, { maxAgeMs: ctx.config.MODEL_MAX_AGE_DAYS * 86_400_000 }) });
});
