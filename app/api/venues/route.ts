import { requireActor } from "@/lib/server/auth/require-actor";
import { handler, json } from "@/lib/server/http";
import { getVenues } from "@/lib/server/venues/venue-status";

export const dynamic = "force-dynamic";

/** Live mode, where each symbol's orders go, and each live venue's connection and reconciliation. */
export const GET = handler(async (request: Request) => {
  const { ctx, actor } = await requireActor("read", request);
  return json(await getVenues(ctx, actor));
});
