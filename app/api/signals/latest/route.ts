import { requireActor } from "@/lib/server/auth/require-actor";
import { handler, json } from "@/lib/server/http";
import { latestEnsembleSignals } from "@/lib/server/models/latest-signals";

export const dynamic = "force-dynamic";

export const GET = handler(async (request: Request) => {
  const { ctx } = await requireActor("read", request);
  return json({ symbols: await latestEnsembleSignals(ctx.database.db) });
});
