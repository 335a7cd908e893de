"use client";

import { roleAtLeast } from "@/lib/domain/roles";
import { useDashboardConfig } from "@/lib/client/use-dashboard-config";
import { formatMoney, formatPercent } from "@/lib/client/format";
import { useLiveRisk } from "@/lib/client/use-live-risk";
import { Panel } from "@/components/ui/panel";
import { QueryStatus } from "@/components/ui/query-status";
import { KillSwitch } from "@/components/risk/kill-switch";
import { RiskStateBanner } from "@/components/risk/risk-state-banner";

/** The risk engine's state, its limits, and the kill switch (traders halt, only admins re-arm; the server checks again). */
export function RiskPanel() {
  const { data, isPending, error } = useLiveRisk();
  const risk = data?.risk;
  const { role } = useDashboardConfig().user;

  return (
    <Panel title="Risk" span={4} testId="risk-panel">
      <QueryStatus isPending={isPending} error={error} label="risk" />
      {risk ? (
        <>
          <RiskStateBanner risk={risk} />
          <dl className="stats">
            <div className="stat">
              <dt>Max order notional</dt>
              <dd className="num" data-testid="risk-max-order-notional">
                {formatMoney(risk.limits.maxOrderNotional)}
              </dd>
            </div>
            <div className="stat">
              <dt>Max position</dt>
              <dd className="num" data-testid="risk-max-position">
                {formatPercent(Number(risk.limits.maxPositionFraction), false)} of equity
              </dd>
            </div>
          </dl>
        </>
      ) : null}
      {roleAtLeast(role, "trader") ? <KillSwitch state={risk?.state} canRearm={roleAtLeast(role, "admin")} /> : null}
    </Panel>
  );
}
