import type { DatabaseHandle } from "@/lib/db/client";
import type { Instrument } from "@/lib/domain/instrument";
import { Portfolio } from "@/lib/portfolio/portfolio";
import { loadPositions, type StoredAccount } from "./persistence/account-store";
import { latestPrices } from "./persistence/latest-prices";

/** Rebuilds an account's portfolio from the database: the same code serves the engine's start and the web's reads. */
export async function restorePortfolio(database: DatabaseHandle, account: StoredAccount, instruments: readonly Instrument[]): Promise<Portfolio> {
  const positions = await loadPositions(database.db, account.id);
  const symbols = [...new Set([...instruments.map((i) => i.symbol), ...positions.map((p) => p.symbol)])];
  const marks = await latestPrices(database, symbols);
  const portfolio = new Portfolio({ initialCash: account.initialCash, currency: account.currency, instruments });
  portfolio.restore({
    version: 1,
    currency: account.currency,
    initialCash: account.initialCash,
    cash: account.cash,
    fees: account.fees,
    positions: positions.map(({ symbol, quantity, costBasis, realizedPnl, updatedAt }) => ({ symbol, quantity, costBasis, realizedPnl, updatedAt })),
    marks,
    updatedAt: Math.max(0, ...positions.map((p) => p.updatedAt)),
  });
  return portfolio;
}
