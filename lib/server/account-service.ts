import "server-only";
import { DEFAULT_INSTRUMENTS } from "@/lib/domain/instrument";
import type { AccountView, PositionView } from "@/lib/domain/account";
import { loadAccount, startOfDayEquity } from "@/lib/engine/persistence/account-store";
import { restorePortfolio } from "@/lib/engine/restore-portfolio";
import { notFound } from "./api-error";
import type { ServerContext } from "./context";
import { listInstruments } from "./queries/instruments";

/**
 * Account and positions as stored by the engine, marked at the last stored trade prices: the same portfolio code
 * the engine runs, so web and engine cannot disagree on the arithmetic.
 */
export async function getAccountState(ctx: ServerContext, accountId: string): Promise<{ account: AccountView; positions: PositionView[] }> {
  const stored = await loadAccount(ctx.database.db, accountId);
  if (!stored) throw notFound(`Account ${accountId} (has the engine started?)`);
  const instruments = await listInstruments(ctx.database.db);
  const portfolio = await restorePortfolio(ctx.database, stored, instruments.length > 0 ? instruments : DEFAULT_INSTRUMENTS);
  const dayStart = (await startOfDayEquity(ctx.database.db, accountId, Date.now())) ?? portfolio.equity().toFixed();
  return { account: portfolio.accountView(accountId, dayStart), positions: portfolio.positionViews(accountId) };
}
