import { requireActor } from "@/lib/server/auth/require-actor";
import { cancelRun } from "@/lib/server/backtests/run-service";
import { handler, json } from "@/lib/server/http";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ id: string }> };

export const POST = handler(async (request: Request, { params }: Params) => {
  const { ctx, actor } = await requireActor("read", request);
  return json({ run: await cancelRun(ctx.database.db, actor, (await params).id) });
});
