import { eq } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { riskLimits } from "@/lib/db/schema";
import type { RiskLimits } from "@/lib/domain/account";
import { riskLimitsSchema } from "@/lib/risk/limits-schema";

/** The stored limits of the account, or the defaults when an admin never changed them. */
export async function loadRiskLimits(db: Database, accountId: string, defaults: RiskLimits): Promise<RiskLimits> {
  const [row] = await db.select().from(riskLimits).where(eq(riskLimits.accountId, accountId));
  return row ? riskLimitsSchema.parse(row.limits) : defaults;
}

export async function saveRiskLimits(db: Database, accountId: string, limits: RiskLimits, actor: string): Promise<void> {
  const row = { accountId, limits, updatedBy: actor, updatedAt: new Date() };
  await db.insert(riskLimits).values(row).onConflictDoUpdate({ target: riskLimits.accountId, set: row });
}
