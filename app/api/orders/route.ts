import { z } from "zod";
import { orderRequestSchema } from "@/lib/engine/commands";
import { requireActor } from "@/lib/server/auth/require-actor";
import { handler, json, parseBody, parseQuery } from "@/lib/server/http";
import { placeOrder } from "@/lib/server/order-service";
import { listOrders } from "@/lib/server/queries/orders";
import { clientKey, consumeOrderRate } from "@/lib/server/rate-limit";

export const dynamic = "force-dynamic";

const listQuery = z.object({
  status: z.enum(["open", "all"]).default("all"),
  symbol: z.string().regex(/^[A-Z0-9]{2,20}$/).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  cursor: z.string().optional(),
}).strict();

export const GET = handler(async (request: Request) => {
  const { ctx, actor } = await requireActor("read", request);
  const query = parseQuery(request, listQuery);
  return json(await listOrders(ctx.database.db, { accountId: actor.accountId, ...query }));
});

export const POST = handler(async (request: Request) => {
  const { ctx, actor } = await requireActor("trade", request);
  const body = await parseBody(request, orderRequestSchema);
  await consumeOrderRate(ctx, clientKey(request));
  const order = await placeOrder(ctx, actor, body, "api");
  return json({ order }, order.status === "REJECTED" ? 422 : 201);
});
