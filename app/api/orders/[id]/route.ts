import { getServerContext } from "@/lib/server/context";
import { notFound } from "@/lib/server/api-error";
import { handler, json } from "@/lib/server/http";
import { assertUuid, cancelOrder } from "@/lib/server/order-service";
import { getOrder } from "@/lib/server/queries/orders";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ id: string }> };

export const GET = handler(async (_request: Request, { params }: Params) => {
  const id = assertUuid((await params).id);
  const ctx = await getServerContext();
  const order = await getOrder(ctx.database.db, { accountId: ctx.config.ACCOUNT_ID, orderId: id });
  if (!order) throw notFound(`Order ${id}`);
  return json({ order });
});

export const DELETE = handler(async (_request: Request, { params }: Params) => {
  const id = assertUuid((await params).id);
  const ctx = await getServerContext();
  return json({ order: await cancelOrder(ctx, id, "api") });
});
