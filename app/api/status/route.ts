import type { StatusResponse } from "@/lib/api-types";
import { getServerContext } from "@/lib/server/context";
import { handler, json } from "@/lib/server/http";
import { listInstruments } from "@/lib/server/queries/instruments";
import { engineHeartbeat, tableCounts } from "@/lib/server/queries/system";
import packageJson from "@/package.json";

export const dynamic = "force-dynamic";

export const GET = handler(async () => {
  const ctx = await getServerContext();
  const [heartbeat, counts, instruments] = await Promise.all([
    engineHeartbeat(ctx.database), tableCounts(ctx.database, ctx.config.ACCOUNT_ID), listInstruments(ctx.database.db),
  ]);
  const body: StatusResponse = {
    version: packageJson.version,
    mode: ctx.mode,
    startedAt: ctx.startedAt,
    uptimeSeconds: Math.round((Date.now() - ctx.startedAt) / 1000),
    accountId: ctx.config.ACCOUNT_ID,
    feeds: heartbeat?.feeds ?? [],
    instruments,
    counts,
    worker: { heartbeatAgeMs: heartbeat ? Date.now() - heartbeat.at : null },
  };
  return json(body);
});
