import { trainingRequestSchema } from "@/lib/ml/training/training-request";
import { requireActor } from "@/lib/server/auth/require-actor";
import { handler, json, parseBody, parseQuery } from "@/lib/server/http";
import { createTrainingRun, listTrainingRuns, trainingRunsQuerySchema } from "@/lib/server/models/training-service";

export const dynamic = "force-dynamic";

// Reading runs needs only "read": a trader sees their own, an admin everyone's (the service decides).
export const GET = handler(async (request: Request) => {
  const { ctx, actor } = await requireActor("read", request);
  return json({ runs: await listTrainingRuns(ctx.database.db, actor, parseQuery(request, trainingRunsQuerySchema)) });
});

// Training takes minutes of the jobs process's CPU, so it needs the trade permission (traders and admins).
export const POST = handler(async (request: Request) => {
  const { ctx, actor } = await requireActor("trade", request);
  const body = await parseBody(request, trainingRequestSchema);
  return json(await createTrainingRun(ctx, actor, body), 202);
});
