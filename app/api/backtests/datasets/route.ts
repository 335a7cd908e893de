import { requireActor } from "@/lib/server/auth/require-actor";
import { listOwnDatasets, uploadDataset } from "@/lib/server/backtests/datasets";
import { handler, json } from "@/lib/server/http";

export const dynamic = "force-dynamic";

export const GET = handler(async (request: Request) => {
  const { ctx, actor } = await requireActor("read", request);
  return json({ datasets: await listOwnDatasets(ctx.database.db, actor) });
});

export const POST = handler(async (request: Request) => {
  const { ctx, actor } = await requireActor("read", request);
  return json({ dataset: await uploadDataset(ctx.database.db, actor, request) }, 201);
});
