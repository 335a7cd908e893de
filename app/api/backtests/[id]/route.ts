import { requireActor } from "@/lib/server/auth/require-actor";
import { deleteRun, getRun } from "@/lib/server/backtests/run-service";
import { handler, json } from "@/lib/server/http";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ id: string }> };

export const GET = handler(async (request: Request, { params }: Params) => {
  const { ctx, actor } = await requireActor("read", request);
  return json({ run: await getRun(ctx.database.db, actor, (await params).id) });
});

export const DELETE = handler(async (request: Request, { params }: Params) => {
  const { ctx, actor } = await requireActor("read", request);
  await deleteRun(ctx.database.db, actor, (await params).id);
  return new Response(null, { status: 204, headers: { "cache-control": "no-store" } });
});
