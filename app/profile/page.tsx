import type { Metadata } from "next";
import { AppShell } from "@/components/auth/app-shell";
import { ChangePasswordForm } from "@/components/profile/change-password-form";
import { OwnApiKeys } from "@/components/profile/own-api-keys";
import { VenueCredentialsForm } from "@/components/profile/venue-credentials-form";
import { VenueCredentialsTable } from "@/components/profile/venue-credentials-table";
import { Panel } from "@/components/ui/panel";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/passwords";
import { scopesOfRole } from "@/lib/domain/roles";
import { pageActor } from "@/lib/server/auth/page-actor";
import { listOwnApiKeys } from "@/lib/server/profile/own-api-keys";
import { listOwnVenueCredentials, VENUES } from "@/lib/server/profile/venue-credentials";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Profile · TradeForge" };

export default async function ProfilePage() {
  const { ctx, actor } = await pageActor("viewer", "/profile");
  const [keys, credentials] = await Promise.all([listOwnApiKeys(ctx.database.db), listOwnVenueCredentials(ctx.database.db)]);
  return (
    <AppShell user={{ email: actor.email, role: actor.role }}>
      <div className="dashboard-grid page-grid">
        <Panel title="Account" span={4} testId="profile-account">
          <dl className="stats">
            <div className="stat stat-wide">
              <dt>Email</dt>
              <dd>{actor.email}</dd>
            </div>
            <div className="stat">
              <dt>Role</dt>
              <dd data-testid="profile-role">{actor.role}</dd>
            </div>
            <div className="stat">
              <dt>Trading account</dt>
              <dd>{actor.accountId}</dd>
            </div>
          </dl>
        </Panel>
        <Panel title="Change password" span={8}>
          <ChangePasswordForm minLength={MIN_PASSWORD_LENGTH} />
        </Panel>
        <Panel title="API keys" span={12} testId="profile-api-keys">
          <p className="panel-lead">
            For programs: send <code>Authorization: Bearer &lt;key&gt;</code>. A key never does more than your role allows.
          </p>
          <OwnApiKeys keys={keys} allowedScopes={scopesOfRole(actor.role)} />
        </Panel>
        <Panel title="Venue credentials" span={12} testId="profile-venue-credentials">
          <p className="panel-lead">Encrypted at rest with AES-256-GCM; only a masked hint of the key is ever shown.</p>
          <div className="split-columns">
            <VenueCredentialsForm venues={VENUES} />
            <VenueCredentialsTable credentials={credentials} />
          </div>
        </Panel>
      </div>
    </AppShell>
  );
}
