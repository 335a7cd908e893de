import { riskLimitsPatchSchema } from "@/lib/risk/limits-schema";
import { requireActor } from "@/lib/server/auth/require-actor";
import { handler, json, parseBody } from "@/lib/server/http";
import { updateRiskLimits } from "@/lib/server/risk/risk-controls";

export const dynamic = "force-dynamic";

/** Admin only: any subset of the limits; `null` removes an optional limit. Answers the new risk view. */
export const PUT = handler(async (request: Request) => {
  const { ctx, actor } = await requireActor("admin", request);
  return json({ risk: await updateRiskLimits(ctx, actor, await parseBody(request, riskLimitsPatchSchema)) });
});
