import "server-only";
import { z } from "zod";
import { actorLabel, type Actor } from "@/lib/auth/actor";
import { verifyPassword } from "@/lib/auth/passwords";
import { getPasswordHash } from "@/lib/auth/user-store";
import type { RiskView } from "@/lib/domain/account";
import { COMMANDS } from "@/lib/engine/commands";
import { loadRiskLimits } from "@/lib/engine/persistence/risk-limits-store";
import { defaultRiskLimits } from "@/lib/risk/default-limits";
import { applyLimitsPatch, riskLimitsPatchSchema } from "@/lib/risk/limits-schema";
import { ApiError } from "../api-error";
import type { ServerContext } from "../context";

export const rearmBodySchema = z.object({ password: z.string().min(1, "re-enter your password to re-arm trading").max(200) }).strict();

/** Any trader (or a key with the trade scope) may halt trading at once: open orders are canceled at every venue. */
export async function engageKillSwitch(ctx: ServerContext, actor: Actor): Promise<RiskView> {
  return (await ctx.bus.request(COMMANDS.killSwitch, { accountId: actor.accountId, engaged: true, actor: actorLabel(actor) })) as RiskView;
}

/** Back to ACTIVE from HALTED or REDUCING: an admin only, and only after re-entering their password (audited by the engine). */
export async function rearmTrading(ctx: ServerContext, admin: Actor, password: string): Promise<RiskView> {
  if (!(await verifyPassword(password, await getPasswordHash(ctx.database.db, admin.userId)))) {
    throw new ApiError(403, "WRONG_PASSWORD", "The password is not right; trading stays as it is");
  }
  return (await ctx.bus.request(COMMANDS.rearm, { accountId: admin.accountId, actor: actorLabel(admin) })) as RiskView;
}

/**
 * An admin's change of limits. The patch is validated here and applied to the current limits, so a mistake gets a
 * clear 400 before anything is sent; the engine applies it again, stores it and audits it as "risk.limits".
 */
export async function updateRiskLimits(ctx: ServerContext, admin: Actor, body: unknown): Promise<RiskView> {
  const patch = riskLimitsPatchSchema.parse(body);
  const current = await loadRiskLimits(ctx.database.db, admin.accountId, defaultRiskLimits(ctx.config));
  applyLimitsPatch(current, patch);
  return (await ctx.bus.request(COMMANDS.setRiskLimits, { accountId: admin.accountId, patch, actor: actorLabel(admin) })) as RiskView;
}
