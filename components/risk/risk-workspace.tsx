"use client";

import { useQuery } from "@tanstack/react-query";
import { Panel } from "@/components/ui/panel";
import { QueryStatus } from "@/components/ui/query-status";
import { riskQuery } from "@/lib/client/queries";
import { KillSwitch } from "./kill-switch";
import { LimitsForm } from "./limits-form";
import { RiskEventsTable } from "./risk-events-table";
import { RiskStateBanner } from "./risk-state-banner";
import { UtilisationBars } from "./utilisation-bars";

const REFRESH_MS = 2_000;

/** The risk page: state and kill switch, each limit's use, the limits (editable by admins), the event log. */
export function RiskWorkspace({ canTrade, isAdmin }: { canTrade: boolean; isAdmin: boolean }) {
  const { data, isPending, error } = useQuery({ ...riskQuery(), refetchInterval: REFRESH_MS });
  return (
    <div className="grid" data-testid="risk-page">
      <Panel title="Risk state" span={12} testId="risk-state-panel">
        <QueryStatus isPending={isPending} error={error} label="risk" />
        {data ? <RiskStateBanner risk={data.risk} /> : null}
        {canTrade ? <KillSwitch state={data?.risk.state} canRearm={isAdmin} /> : null}
      </Panel>
      <Panel title="Limits in use" span={6} testId="risk-utilisation-panel">
        {data ? <UtilisationBars rows={data.utilisation ?? []} /> : null}
      </Panel>
      <Panel title="Limits" span={6} testId="risk-limits-panel">
        {data ? <LimitsForm limits={data.risk.limits} editable={isAdmin} /> : null}
      </Panel>
      <Panel title="Risk events" span={12} testId="risk-events-panel">
        <RiskEventsTable events={data?.events ?? []} />
      </Panel>
    </div>
  );
}
