import { z } from "zod";
import type { DriftResponse } from "@/lib/fidelity/strategy-drift-view";
import { notFound } from "@/lib/server/api-error";
import { requireActor } from "@/lib/server/auth/require-actor";
import { strategyDrift } from "@/lib/server/fidelity/drift";
import { handler, json, parseQuery } from "@/lib/server/http";
import { listInstruments } from "@/lib/server/queries/instruments";

export const dynamic = "force-dynamic";

const query = z.object({
  symbol: z.string().regex(/^[A-Z0-9]{2,20}$/, "upper-case symbol like BTCUSDT"),
}).strict();

export const GET = handler(async (request: Request) => {
  const { ctx, actor } = await requireActor("read", request);
  const { symbol } = parseQuery(request, query);
  const instrument = (await listInstruments(ctx.database.db)).find((i) => i.symbol === symbol);
  if (!instrument) throw notFound(`Instrument ${symbol}`);
  const drift = await strategyDrift(ctx.database.db, { accountId: actor.accountId, instrument, config: ctx.config });
  return json<DriftResponse>({ drift });
});
