"use client";

import type { UserRecord } from "@/lib/auth/user-store";
import { UtcTime } from "@/components/auth/utc-time";
import { UserRowActions } from "@/components/admin/user-row-actions";

export function UsersTable({ users, selfId }: { users: UserRecord[]; selfId: string }) {
  return (
    <div className="table-scroll">
      <table className="table" data-testid="users-table" aria-label="Users">
        <thead>
          <tr>
            <th scope="col">Email</th>
            <th scope="col">Account</th>
            <th scope="col">Status</th>
            <th scope="col">Created</th>
            <th scope="col">Role</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
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
        </tbody>
      </table>
    </div>
  );
}
