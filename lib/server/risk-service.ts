import "server-only";
import type { RiskView } from "@/lib/domain/account";
import { loadRiskState } from "@/lib/engine/persistence/risk-store";
import type { ServerContext } from "./context";

export async function getRiskView(ctx: ServerContext, accountId: string): Promise<RiskView> {
  const stored = await loadRiskState(ctx.database.db, accountId);
  return {
    accountId,
    ...stored,
    limits: { maxOrderNotional: ctx.config.MAX_ORDER_NOTIONAL, maxPositionFraction: ctx.config.MAX_POSITION_SIZE },
  };
}
