import { z } from "zod";
import { requireActor } from "@/lib/server/auth/require-actor";
import { handler, json, parseQuery } from "@/lib/server/http";
import { getEquityCurve } from "@/lib/server/queries/equity";

export const dynamic = "force-dynamic";

const query = z.object({
  from: z.coerce.number().int().nonnegative().optional(),
  to: z.coerce.number().int().nonnegative().optional(),
  limit: z.coerce.number().int().min(2).max(5000).default(500),
}).strict();

export const GET = handler(async (request: Request) => {
  const { ctx, actor } = await requireActor("read", request);
  const params = parseQuery(request, query);
  return json({ points: await getEquityCurve(ctx.database.db, { accountId: actor.accountId, ...params }) });
});
