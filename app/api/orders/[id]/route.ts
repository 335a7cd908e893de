import { requireActor } from "@/lib/server/auth/require-actor";
import { notFound } from "@/lib/server/api-error";
import { amendOrderRequestSchema } from "@/lib/engine/commands";
import { handler, json, parseBody } from "@/lib/server/http";
import { amendOrder, assertUuid, cancelOrder } from "@/lib/server/order-service";
import { getOrder } from "@/lib/server/queries/orders";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ id: string }> };

export const GET = handler(async (request: Request, { params }: Params) => {
  const { ctx, actor } = await requireActor("read", request);
  const id = assertUuid((await params).id);
  const order = await getOrder(ctx.database.db, { accountId: actor.accountId, orderId: id });
  if (!order) throw notFound(`Order ${id}`);
  return json({ order });
});

export const DELETE = handler(async (request: Request, { params }: Params) => {
  const { ctx, actor } = await requireActor("trade", request);
  const id = assertUuid((await params).id);
  return json({ order: await cancelOrder(ctx, actor, id) });
});

/** Changes an open LIMIT or STOP order: { "quantity"?: "0.02", "price"?: "60100" }, at least one. */
export const PATCH = handler(async (request: Request, { params }: Params) => {
  const { ctx, actor } = await requireActor("trade", request);
  const id = assertUuid((await params).id);
  const change = await parseBody(request, amendOrderRequestSchema);
  return json({ order: await amendOrder(ctx, actor, id, change) });
});
