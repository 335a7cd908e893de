"use client";

import { formatMoney } from "@/lib/client/format";
import { useLiveBalance } from "@/lib/client/use-live-balance";
import { Panel } from "@/components/ui/panel";
import { QueryStatus } from "@/components/ui/query-status";
import { SignedValue } from "@/components/ui/signed-value";

/** Equity, cash and P&L of the account, live from `account` events. */
export function AccountPanel() {
  const { data, isPending, error } = useLiveBalance();
  const account = data?.account;

  return (
    <Panel title="Account" span={4} testId="account-panel">
      <QueryStatus isPending={isPending} error={error} label="balance" />
      {account ? (
        <dl className="stats">
          <div className="stat stat-wide">
            <dt>Equity</dt>
            <dd className="num stat-big" data-testid="account-equity">
              {formatMoney(account.equity, account.currency)}
            </dd>
          </div>
          <div className="stat">
            <dt>Cash</dt>
            <dd className="num" data-testid="account-cash">
              {formatMoney(account.cash, account.currency)}
            </dd>
          </div>
          <div className="stat">
            <dt>Today&apos;s P&amp;L</dt>
            <dd>
              <SignedValue value={account.todayPnl} testId="account-today-pnl" />
            </dd>
          </div>
          <div className="stat">
            <dt>Unrealized P&amp;L</dt>
            <dd>
              <SignedValue value={account.unrealizedPnl} testId="account-unrealized-pnl" />
            </dd>
          </div>
          <div className="stat">
            <dt>Realized P&amp;L</dt>
            <dd>
              <SignedValue value={account.realizedPnl} testId="account-realized-pnl" />
            </dd>
          </div>
          <div className="stat">
            <dt>Fees</dt>
            <dd className="num" data-testid="account-fees">
              {formatMoney(account.fees)}
            </dd>
          </div>
          <div className="stat">
            <dt>Start of day</dt>
            <dd className="num">{formatMoney(account.startOfDayEquity)}</dd>
          </div>
        </dl>
      ) : null}
    </Panel>
  );
}
