import { requireActor } from "@/lib/server/auth/require-actor";
import { handler, json } from "@/lib/server/http";
import { getTrainingRun } from "@/lib/server/models/training-service";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ id: string }> };

export const GET = handler(async (request: Request, { params }: Params) => {
  const { ctx, actor } = await requireActor("read", request);
  return json({ run: await getTrainingRun(ctx.database.db, actor, (await params).id) });
});
