import "server-only";
import type { RiskView } from "@/lib/domain/account";
import { loadRiskLimits } from "@/lib/engine/persistence/risk-limits-store";
import { loadRiskState } from "@/lib/engine/persistence/risk-store";
import { defaultRiskLimits } from "@/lib/risk/default-limits";
import type { ServerContext } from "./context";

export async function getRiskView(ctx: ServerContext, accountId: string): Promise<RiskView> {
  const stored = await loadRiskState(ctx.database.db, accountId);
  return { accountId, ...stored, limits: await loadRiskLimits(ctx.database.db, accountId, defaultRiskLimits(ctx.config)) };
}
