import { ConfigTable } from "@/components/admin/config-table";
import { HealthChecks } from "@/components/admin/health-checks";
import { UtcTime } from "@/components/auth/utc-time";
import { Panel } from "@/components/ui/panel";
import { pageActor } from "@/lib/server/auth/page-actor";
import { getSystemInfo } from "@/lib/server/admin/system-info";

export const dynamic = "force-dynamic";

export default async function AdminSystemPage() {
  await pageActor("admin", "/admin/system");
  const info = await getSystemInfo();
  return (
    <div className="dashboard-grid page-grid">
      <Panel title="Health" span={6}>
        <HealthChecks health={info.health} />
      </Panel>
      <Panel title="Versions and mode" span={6} testId="system-versions">
        <dl className="stats">
          <div className="stat">
            <dt>TradeForge</dt>
            <dd data-testid="version-app">{info.versions.app}</dd>
          </div>
          <div className="stat">
            <dt>Node.js</dt>
            <dd data-testid="version-node">{info.versions.node}</dd>
          </div>
          <div className="stat">
            <dt>Next.js</dt>
            <dd data-testid="version-next">{info.versions.next}</dd>
          </div>
          <div className="stat">
            <dt>Mode</dt>
            <dd data-testid="system-mode">{info.mode}</dd>
          </div>
          <div className="stat">
            <dt>Trading</dt>
            <dd>{info.tradingMode}</dd>
          </div>
          <div className="stat">
            <dt>Database / bus</dt>
            <dd>
              {info.database} / {info.bus}
            </dd>
          </div>
          <div className="stat stat-wide">
            <dt>Started</dt>
            <dd>
              <UtcTime at={info.startedAt} />
            </dd>
          </div>
        </dl>
      </Panel>
      <Panel title="Configuration" span={12}>
        <p className="panel-lead">Every variable the platform reads; secrets and passwords in connection URLs are masked.</p>
        <ConfigTable rows={info.config} />
      </Panel>
    </div>
  );
}
