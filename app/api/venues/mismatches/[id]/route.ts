import { requireActor } from "@/lib/server/auth/require-actor";
import { handler, json, parseBody } from "@/lib/server/http";
import { resolveMismatch, resolveMismatchBodySchema } from "@/lib/server/venues/venue-status";

export const dynamic = "force-dynamic";

/** `{ "action": "adopt" | "cancel" }` on one reconciliation mismatch; audited by the engine. */
export const POST = handler(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const { ctx, actor } = await requireActor("trade", request);
  const { action } = await parseBody(request, resolveMismatchBodySchema);
  return json({ reconciliation: await resolveMismatch(ctx, actor, decodeURIComponent((await params).id), action) });
});
