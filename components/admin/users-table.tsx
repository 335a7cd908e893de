"use client";

import type { UserRecord } from "@/lib/auth/user-store";
import { UtcTime } from "@/components/auth/utc-time";
import { UserRowActions } from "@/components/admin/user-row-actions";
import { DataTable } from "@/components/ui/data-table";

const USER_COLUMNS = [{ label: "Email" }, { label: "Account" }, { label: "Status" }, { label: "Created" }, { label: "Role" }, { label: "Actions", hidden: true }];

export function UsersTable({ users, selfId }: { users: UserRecord[]; selfId: string }) {
  return (
    <DataTable label="Users" testId="users-table" columns={USER_COLUMNS}>
      {users.map((user) => (
        <tr key={user.id} data-testid="user-row" data-user-id={user.id} data-email={user.email} data-role={user.role} data-disabled={user.disabled}>
          <th scope="row">
            {user.email}
            {user.id === selfId ? <span className="text-faint"> (you)</span> : null}
          </th>
          <td>{user.accountId}</td>
          <td data-testid="user-status" className={user.disabled ? "text-down" : undefined}>
            {user.disabled ? "disabled" : "enabled"}
          </td>
          <td>
            <UtcTime at={user.createdAt} />
          </td>
          <UserRowActions user={user} self={user.id === selfId} />
        </tr>
      ))}
    </DataTable>
  );
}
