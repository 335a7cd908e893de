"use server";

import { z } from "zod";
import type { ActionResult } from "@/lib/api-types";
import type { RiskView } from "@/lib/domain/account";
import type { Order } from "@/lib/domain/order";
import { orderRequestSchema } from "@/lib/engine/commands";
import { validationError } from "@/lib/server/api-error";
import { runAction } from "@/lib/server/action-result";
import { requireActor } from "@/lib/server/auth/require-actor";
import { assertUuid, cancelOrder, placeOrder, setKillSwitch } from "@/lib/server/order-service";

/** The order ticket: the same validation, authorization and trading path as POST /api/orders. */
export async function placeOrderAction(input: unknown): Promise<ActionResult<Order>> {
  return runAction(async () => {
    const { ctx, actor } = await requireActor("trade");
    const parsed = orderRequestSchema.safeParse(input);
    if (!parsed.success) throw validationError(parsed.error, "order");
    return placeOrder(ctx, actor, parsed.data, "dashboard");
  });
}

export async function cancelOrderAction(orderId: unknown): Promise<ActionResult<Order>> {
  return runAction(async () => {
    const { ctx, actor } = await requireActor("trade");
    return cancelOrder(ctx, actor, assertUuid(z.string().parse(orderId)));
  });
}

/** Engaging needs the trade permission; re-arming needs an admin (checked in setKillSwitch). */
export async function setKillSwitchAction(engaged: unknown): Promise<ActionResult<RiskView>> {
  return runAction(async () => {
    const { ctx, actor } = await requireActor("trade");
    return setKillSwitch(ctx, actor, z.boolean().parse(engaged));
  });
}
