import "server-only";
import { randomUUID } from "node:crypto";
import { actorLabel, type Actor } from "@/lib/auth/actor";
import { COMMANDS, type AmendOrderCommand, type AmendOrderRequest, type OrderRequest, type SubmitOrderCommand } from "@/lib/engine/commands";
import type { Order, OrderSource } from "@/lib/domain/order";
import { ApiError, notFound } from "./api-error";
import type { ServerContext } from "./context";
import { getOrder } from "./queries/orders";

/** Sends an order to the engine, which runs the pre-trade gate, persists the intent and routes it to the venue. */
export async function placeOrder(ctx: ServerContext, actor: Actor, request: OrderRequest, source: Exclude<OrderSource, "venue">): Promise<Order> {
  const command: SubmitOrderCommand = {
    ...request,
    clientOrderId: request.clientOrderId ?? randomUUID(),
    accountId: actor.accountId,
    source,
    actor: actorLabel(actor),
  };
  return (await ctx.bus.request(COMMANDS.submitOrder, command)) as Order;
}

/** Only orders of the caller's own account can be canceled; anything else is "not found", not "forbidden". */
export async function cancelOrder(ctx: ServerContext, actor: Actor, orderId: string): Promise<Order> {
  const existing = await getOrder(ctx.database.db, { accountId: actor.accountId, orderId });
  if (!existing) throw notFound(`Order ${orderId}`);
  return (await ctx.bus.request(COMMANDS.cancelOrder, { accountId: actor.accountId, orderId, actor: actorLabel(actor) })) as Order;
}

/** Changes an open order of the caller's own account; the engine checks the order can take it and runs the gate. */
export async function amendOrder(ctx: ServerContext, actor: Actor, orderId: string, change: AmendOrderRequest): Promise<Order> {
  const existing = await getOrder(ctx.database.db, { accountId: actor.accountId, orderId });
  if (!existing) throw notFound(`Order ${orderId}`);
  const command: AmendOrderCommand = { accountId: actor.accountId, orderId, ...change, actor: actorLabel(actor) };
  return (await ctx.bus.request(COMMANDS.amendOrder, command)) as Order;
}

export function assertUuid(id: string): string {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) throw new ApiError(400, "VALIDATION_ERROR", "order id must be a UUID");
  return id;
}
