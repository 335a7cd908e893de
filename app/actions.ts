"use server";

import { z } from "zod";
import type { ActionResult } from "@/lib/api-types";
import type { RiskView } from "@/lib/domain/account";
import type { Order } from "@/lib/domain/order";
import { orderRequestSchema } from "@/lib/engine/commands";
import { validationError } from "@/lib/server/api-error";
import { runAction } from "@/lib/server/action-result";
import { requireActor } from "@/lib/server/auth/require-actor";
import { assertUuid, cancelOrder, placeOrder } from "@/lib/server/order-service";
import { engageKillSwitch, rearmBodySchema, rearmTrading, updateRiskLimits } from "@/lib/server/risk/risk-controls";

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

/** The kill switch: anyone who may trade. */
export async function engageKillSwitchAction(): Promise<ActionResult<RiskView>> {
  return runAction(async () => {
    const { ctx, actor } = await requireActor("trade");
    return engageKillSwitch(ctx, actor);
  });
}

/** Re-arming: an admin who re-enters their password. */
export async function rearmTradingAction(password: unknown): Promise<ActionResult<RiskView>> {
  return runAction(async () => {
    const { ctx, actor } = await requireActor("admin");
    return rearmTrading(ctx, actor, rearmBodySchema.parse({ password }).password);
  });
}

/** An admin's change of limits, as PUT /api/risk/limits. */
export async function updateRiskLimitsAction(patch: unknown): Promise<ActionResult<RiskView>> {
  return runAction(async () => {
    const { ctx, actor } = await requireActor("admin");
    return updateRiskLimits(ctx, actor, patch);
  });
}
