import { requireActor } from "@/lib/server/auth/require-actor";
import { handler, json } from "@/lib/server/http";
import { cancelTrainingRun } from "@/lib/server/models/training-service";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ id: string }> };

export const POST = handler(async (request: Request, { params }: Params) => {
  const { ctx, actor } = await requireActor("trade", request);
  return json({ run: await cancelTrainingRun(ctx.database.db, actor, (await params).id) });
});
