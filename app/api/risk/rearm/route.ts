import { requireActor } from "@/lib/server/auth/require-actor";
import { handler, json, parseBody } from "@/lib/server/http";
import { rearmBodySchema, rearmTrading } from "@/lib/server/risk/risk-controls";

export const dynamic = "force-dynamic";

/** Admin only, with the admin's password re-entered: trading back to ACTIVE. */
export const POST = handler(async (request: Request) => {
  const { ctx, actor } = await requireActor("admin", request);
  const { password } = await parseBody(request, rearmBodySchema);
  return json({ risk: await rearmTrading(ctx, actor, password) });
});
