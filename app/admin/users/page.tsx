import { CreateUserForm } from "@/components/admin/create-user-form";
import { UsersTable } from "@/components/admin/users-table";
import { Panel } from "@/components/ui/panel";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/passwords";
import { pageActor } from "@/lib/server/auth/page-actor";
import { listUsersForAdmin } from "@/lib/server/admin/users";

export const dynamic = "force-dynamic";

export default async function AdminUsersPage() {
  const { ctx, actor } = await pageActor("admin", "/admin/users");
  const users = await listUsersForAdmin(ctx.database.db);
  return (
    <div className="dashboard-grid page-grid">
      <Panel title="Users" span={8} testId="admin-users">
        <p className="panel-lead">Role changes and disabling take effect on the user&apos;s next request.</p>
        <UsersTable users={users} selfId={actor.userId} />
      </Panel>
      <Panel title="Create or invite a user" span={4}>
        <CreateUserForm defaultAccountId={ctx.config.ACCOUNT_ID} minPasswordLength={MIN_PASSWORD_LENGTH} />
      </Panel>
    </div>
  );
}
