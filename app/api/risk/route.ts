import { requireActor } from "@/lib/server/auth/require-actor";
import { handler, json } from "@/lib/server/http";
import { riskOverview } from "@/lib/server/risk/risk-overview";

export const dynamic = "force-dynamic";

/** The state and its reason, every limit, how much of each is in use, and the latest risk events. */
export const GET = handler(async (request: Request) => {
  const { ctx, actor } = await requireActor("read", request);
  return json(await riskOverview(ctx, actor.accountId));
});
