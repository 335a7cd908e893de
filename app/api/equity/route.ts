import { z } from "zod";
import { getServerContext } from "@/lib/server/context";
import { handler, json, parseQuery } from "@/lib/server/http";
import { getEquityCurve } from "@/lib/server/queries/equity";

export const dynamic = "force-dynamic";

const query = z.object({
  from: z.coerce.number().int().nonnegative().optional(),
  to: z.coerce.number().int().nonnegative().optional(),
  limit: z.coerce.number().int().min(2).max(5000).default(500),
}).strict();

export const GET = handler(async (request: Request) => {
  const params = parseQuery(request, query);
  const ctx = await getServerContext();
  return json({ points: await getEquityCurve(ctx.database.db, { accountId: ctx.config.ACCOUNT_ID, ...params }) });
});
