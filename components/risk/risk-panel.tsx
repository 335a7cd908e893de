"use client";

import type { RiskStateName } from "@/lib/domain/account";
import { roleAtLeast } from "@/lib/domain/roles";
import { useDashboardConfig } from "@/lib/client/use-dashboard-config";
import { formatMoney, formatPercent, formatTime } from "@/lib/client/format";
import { useLiveRisk } from "@/lib/client/use-live-risk";
import { Panel } from "@/components/ui/panel";
import { QueryStatus } from "@/components/ui/query-status";
import { KillSwitch } from "@/components/risk/kill-switch";

const STATE_CLASS: Record<RiskStateName, string> = {
  ACTIVE: "risk-active",
  REDUCING: "risk-reducing",
  HALTED: "risk-halted",
};

const STATE_HINT: Record<RiskStateName, string> = {
  ACTIVE: "Trading normally",
  REDUCING: "Reduce-only: orders that grow a position are refused",
  HALTED: "Halted: only cancels are accepted",
};

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
          <div className={`risk-state ${STATE_CLASS[risk.state]}`} role="status" aria-live="polite">
            <span className="risk-state-name" data-testid="risk-state" data-state={risk.state}>
              {risk.state}
            </span>
            <span className="risk-state-hint">{STATE_HINT[risk.state]}</span>
            {risk.reason ? (
              <span className="risk-reason" data-testid="risk-reason">
                Reason: {risk.reason}
              </span>
            ) : null}
            {risk.updatedAt > 0 ? <span className="risk-updated">since {formatTime(risk.updatedAt)}</span> : null}
          </div>
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
