"use server";

import { z } from "zod";
import type { ActionResult } from "@/lib/api-types";
import type { RiskView } from "@/lib/domain/account";
import type { Order } from "@/lib/domain/order";
import { orderRequestSchema } from "@/lib/engine/commands";
import { validationError } from "@/lib/server/api-error";
import { getServerContext } from "@/lib/server/context";
import { toApiError } from "@/lib/server/http";
import { assertUuid, cancelOrder, placeOrder, setKillSwitch } from "@/lib/server/order-service";

async function run<T>(work: () => Promise<T>): Promise<ActionResult<T>> {
  try {
    return { ok: true, data: await work() };
  } catch (error) {
    const api = toApiError(error);
    return { ok: false, error: { code: api.code, message: api.message } };
  }
}

/** The order ticket: the same validation and trading path as POST /api/orders. */
export async function placeOrderAction(input: unknown): Promise<ActionResult<Order>> {
  return run(async () => {
    const parsed = orderRequestSchema.safeParse(input);
    if (!parsed.success) throw validationError(parsed.error, "order");
    return placeOrder(await getServerContext(), parsed.data, { source: "dashboard", actor: "dashboard" });
  });
}

export async function cancelOrderAction(orderId: unknown): Promise<ActionResult<Order>> {
  return run(async () => cancelOrder(await getServerContext(), assertUuid(z.string().parse(orderId)), "dashboard"));
}

export async function setKillSwitchAction(engaged: unknown): Promise<ActionResult<RiskView>> {
  return run(async () => setKillSwitch(await getServerContext(), z.boolean().parse(engaged), "dashboard"));
}
