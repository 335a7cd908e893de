import { z } from "zod";
import { requireActor } from "@/lib/server/auth/require-actor";
import { handler, json, parseQuery } from "@/lib/server/http";
import { listFills } from "@/lib/server/queries/fills";

export const dynamic = "force-dynamic";

const query = z.object({
  symbol: z.string().regex(/^[A-Z0-9]{2,20}$/).optional(),
  from: z.coerce.number().int().nonnegative().optional(),
  to: z.coerce.number().int().nonnegative().optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  cursor: z.string().optional(),
}).strict();

/** The account's fills (executions), newest first. */
export const GET = handler(async (request: Request) => {
  const { ctx, actor } = await requireActor("read", request);
  const params = parseQuery(request, query);
  return json(await listFills(ctx.database.db, { accountId: actor.accountId, ...params }));
});
