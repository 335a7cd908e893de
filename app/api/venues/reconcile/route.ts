import { requireActor } from "@/lib/server/auth/require-actor";
import { handler, json } from "@/lib/server/http";
import { reconcileVenues } from "@/lib/server/venues/venue-status";

export const dynamic = "force-dynamic";

/** Compares every live venue's orders and positions with ours again now. */
export const POST = handler(async (request: Request) => {
  const { ctx, actor } = await requireActor("trade", request);
  return json({ reconciliations: await reconcileVenues(ctx, actor) });
});
