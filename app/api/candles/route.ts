import { z } from "zod";
import { BAR_INTERVALS } from "@/lib/domain/market-data";
import { requireActor } from "@/lib/server/auth/require-actor";
import { hotRead } from "@/lib/server/cache/hot-reads";
import { handler, json, parseQuery } from "@/lib/server/http";
import { listCandles } from "@/lib/server/queries/candles";

export const dynamic = "force-dynamic";

const query = z.object({
  symbol: z.string().regex(/^[A-Z0-9]{2,20}$/, "upper-case symbol like BTCUSDT"),
  interval: z.enum(BAR_INTERVALS),
  from: z.coerce.number().int().nonnegative().optional(),
  to: z.coerce.number().int().nonnegative().optional(),
  limit: z.coerce.number().int().min(1).max(5000).default(500),
}).strict();

export const GET = handler(async (request: Request) => {
  const { ctx } = await requireActor("read", request);
  const params = parseQuery(request, query);
  // Closed bars reach the database in batches anyway; the forming bar comes over the socket.
  const candles = await hotRead(ctx, "candles", JSON.stringify(params), () => listCandles(ctx.database.db, params));
  return json({ candles });
});
