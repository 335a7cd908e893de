import { AdminApiKeys } from "@/components/admin/admin-api-keys";
import { Panel } from "@/components/ui/panel";
import { pageActor } from "@/lib/server/auth/page-actor";
import { listAllApiKeys } from "@/lib/server/admin/api-keys";
import { listUsersForAdmin } from "@/lib/server/admin/users";

export const dynamic = "force-dynamic";

export default async function AdminApiKeysPage() {
  const { ctx } = await pageActor("admin", "/admin/api-keys");
  const [keys, users] = await Promise.all([listAllApiKeys(ctx.database.db), listUsersForAdmin(ctx.database.db)]);
  const owners = users.filter((u) => !u.disabled).map((u) => ({ id: u.id, email: u.email, role: u.role }));
  return (
    <div className="dashboard-grid page-grid">
      <Panel title="API keys" span={12} testId="admin-api-keys">
        <p className="panel-lead">A key carries at most its owner&apos;s role; a revoked key stops working on its next request.</p>
        <AdminApiKeys keys={keys} owners={owners} />
      </Panel>
    </div>
  );
}
