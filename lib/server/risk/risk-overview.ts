import "server-only";
import { desc, eq } from "drizzle-orm";
import { riskEvents } from "@/lib/db/schema";
import type { RiskView } from "@/lib/domain/account";
import type { ServerContext } from "../context";
import { getRiskView } from "../risk-service";
import { type LimitUtilisation, riskUtilisation } from "./risk-utilisation";

export interface RiskEventView {
  id: number;
  ts: number;
  code: string;
  message: string;
  detail: unknown;
}

export interface RiskOverview {
  risk: RiskView;
  utilisation: LimitUtilisation[];
  events: RiskEventView[];
}

const EVENT_PAGE = 50;

/** The risk page's data: state and limits, how much of each limit is used, and the latest risk events. */
export async function riskOverview(ctx: ServerContext, accountId: string): Promise<RiskOverview> {
  const risk = await getRiskView(ctx, accountId);
  const [utilisation, events] = await Promise.all([
    riskUtilisation(ctx.database, accountId, risk.limits),
    ctx.database.db.select().from(riskEvents).where(eq(riskEvents.accountId, accountId)).orderBy(desc(riskEvents.ts), desc(riskEvents.id)).limit(EVENT_PAGE),
  ]);
  return { risk, utilisation, events: events.map((e) => ({ id: e.id, ts: e.ts.getTime(), code: e.code, message: e.message, detail: e.detail })) };
}
