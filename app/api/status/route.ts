import type { StatusResponse } from "@/lib/api-types";
import { requireActor } from "@/lib/server/auth/require-actor";
import { handler, json } from "@/lib/server/http";
import { listInstruments } from "@/lib/server/queries/instruments";
import { engineHeartbeat, tableCounts } from "@/lib/server/queries/system";
import { liveVenueStatuses } from "@/lib/server/venues/venue-heartbeat-status";
import packageJson from "@/package.json";

export const dynamic = "force-dynamic";

export const GET = handler(async (request: Request) => {
  const { ctx, actor } = await requireActor("read", request);
  const [heartbeat, counts, instruments] = await Promise.all([
    engineHeartbeat(ctx.database), tableCounts(ctx.database, actor.accountId), listInstruments(ctx.database.db),
  ]);
  const body: StatusResponse = {
    version: packageJson.version,
    mode: ctx.mode,
    startedAt: ctx.startedAt,
    uptimeSeconds: Math.round((Date.now() - ctx.startedAt) / 1000),
    accountId: actor.accountId,
    feeds: heartbeat?.feeds ?? [],
    venues: liveVenueStatuses(heartbeat?.venues ?? []),
    instruments,
    counts,
    worker: { heartbeatAgeMs: heartbeat ? Date.now() - heartbeat.at : null },
  };
  return json(body);
});
