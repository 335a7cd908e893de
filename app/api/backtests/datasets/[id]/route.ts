import { requireActor } from "@/lib/server/auth/require-actor";
import { deleteOwnDataset } from "@/lib/server/backtests/datasets";
import { handler } from "@/lib/server/http";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ id: string }> };

export const DELETE = handler(async (request: Request, { params }: Params) => {
  const { ctx, actor } = await requireActor("read", request);
  await deleteOwnDataset(ctx.database.db, actor, (await params).id);
  return new Response(null, { status: 204, headers: { "cache-control": "no-store" } });
});
