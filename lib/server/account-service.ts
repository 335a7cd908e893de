import "server-only";
import { DEFAULT_INSTRUMENTS } from "@/lib/domain/instrument";
import type { AccountView, PositionView } from "@/lib/domain/account";
import { loadAccount, startOfDayEquity } from "@/lib/engine/persistence/account-store";
import { restorePortfolio } from "@/lib/engine/restore-portfolio";
import { notFound } from "./api-error";
import { hotRead } from "./cache/hot-reads";
import type { ServerContext } from "./context";
import { listInstruments } from "./queries/instruments";

type AccountState = { account: AccountView; positions: PositionView[] };

/**
 * Account and positions as stored by the engine, marked at the last stored trade prices: the same portfolio code
 * the engine runs, so web and engine cannot disagree on the arithmetic. Served from memory for up to a second; the
 * engine's announcement of a durable order or fill drops it at once.
 */
export function getAccountState(ctx: ServerContext, accountId: string): Promise<AccountState> {
  return hotRead(ctx, "accounts", accountId, () => loadAccountState(ctx, accountId));
}

async function loadAccountState(ctx: ServerContext, accountId: string): Promise<AccountState> {
  const stored = await loadAccount(ctx.database.db, accountId);
  if (!stored) throw notFound(`Account ${accountId} (has the engine started?)`);
  const instruments = await listInstruments(ctx.database.db);
  const portfolio = await restorePortfolio(ctx.database, stored, instruments.length > 0 ? instruments : DEFAULT_INSTRUMENTS);
  const dayStart = (await startOfDayEquity(ctx.database.db, accountId, Date.now())) ?? portfolio.equity().toFixed();
  return { account: portfolio.accountView(accountId, dayStart), positions: portfolio.positionViews(accountId) };
}
