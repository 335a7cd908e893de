import { z } from "zod";
import { BAR_INTERVALS } from "@/lib/domain/market-data";
import { requireActor } from "@/lib/server/auth/require-actor";
import { featuresOverview } from "@/lib/server/features/feature-overview";
import { handler, json, parseQuery } from "@/lib/server/http";

export const dynamic = "force-dynamic";

const query = z.object({
  symbol: z.string().regex(/^[A-Z0-9]{2,20}$/, "upper-case symbol like BTCUSDT").optional(),
  interval: z.enum(BAR_INTERVALS).default("1m"),
  recent: z.coerce.number().int().min(10).max(5000).default(100),
}).strict();

export const GET = handler(async (request: Request) => {
  const { ctx } = await requireActor("read", request);
  const params = parseQuery(request, query);
  return json(await featuresOverview(ctx.database.db, { ...params, now: Date.now() }));
});
