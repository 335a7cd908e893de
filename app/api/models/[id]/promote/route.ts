import { announceModelsChanged } from "@/lib/ml/live/models-changed";
import { promotionSchema } from "@/lib/ml/registry/model-status";
import { requireActor } from "@/lib/server/auth/require-actor";
import { handler, json, parseBody } from "@/lib/server/http";
import { promoteModel } from "@/lib/server/models/model-service";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ id: string }> };

// What trades live is an admin's decision: the admin scope, as every lib/server/admin action.
export const POST = handler(async (request: Request, { params }: Params) => {
  const { ctx, actor } = await requireActor("admin", request);
  const { status } = await parseBody(request, promotionSchema);
  const promoted = await promoteModel(ctx.database.db, actor, (await params).id, status);
  // The engine reloads its live ensembles at once; if the bus is down it still does at its next registry poll.
  await announceModelsChanged(ctx.bus, promoted.version.id).catch(() => undefined);
  return json(promoted);
});
