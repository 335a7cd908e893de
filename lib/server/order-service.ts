import "server-only";
import { randomUUID } from "node:crypto";
import { COMMANDS, type OrderRequest, type SubmitOrderCommand } from "@/lib/engine/commands";
import type { Order, OrderSource } from "@/lib/domain/order";
import type { RiskView } from "@/lib/domain/account";
import { ApiError, notFound } from "./api-error";
import type { ServerContext } from "./context";
import { getOrder } from "./queries/orders";

/** Sends an order to the engine, which runs the pre-trade gate, persists the intent and routes it to the venue. */
export async function placeOrder(ctx: ServerContext, request: OrderRequest, meta: { source: OrderSource; actor: string }): Promise<Order> {
  const command: SubmitOrderCommand = {
    ...request,
    clientOrderId: request.clientOrderId ?? randomUUID(),
    accountId: ctx.config.ACCOUNT_ID,
    source: meta.source,
    actor: meta.actor,
  };
  return (await ctx.bus.request(COMMANDS.submitOrder, command)) as Order;
}

export async function cancelOrder(ctx: ServerContext, orderId: string, actor: string): Promise<Order> {
  const existing = await getOrder(ctx.database.db, { accountId: ctx.config.ACCOUNT_ID, orderId });
  if (!existing) throw notFound(`Order ${orderId}`);
  return (await ctx.bus.request(COMMANDS.cancelOrder, { accountId: ctx.config.ACCOUNT_ID, orderId, actor })) as Order;
}

export async function setKillSwitch(ctx: ServerContext, engaged: boolean, actor: string): Promise<RiskView> {
  return (await ctx.bus.request(COMMANDS.killSwitch, { accountId: ctx.config.ACCOUNT_ID, engaged, actor })) as RiskView;
}

export function assertUuid(id: string): string {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) throw new ApiError(400, "VALIDATION_ERROR", "order id must be a UUID");
  return id;
}
