"use client";

import { changeUserRoleAction, setUserDisabledAction } from "@/app/admin/users/actions";
import type { UserRecord } from "@/lib/auth/user-store";
import { ROLES } from "@/lib/domain/roles";
import { ActionError } from "@/components/auth/action-error";
import { useServerAction } from "@/components/auth/use-server-action";

/** Role and enabled state of one user; your own row is read-only (another admin must change it). */
export function UserRowActions({ user, self }: { user: UserRecord; self: boolean }) {
  const changeRole = useServerAction(changeUserRoleAction);
  const toggle = useServerAction(setUserDisabledAction);
  const pending = changeRole.pending || toggle.pending;

  return (
    <>
      <td>
        <select
          value={user.role}
          disabled={self || pending}
          aria-label={`Role of ${user.email}`}
          title={self ? "You cannot change your own role" : undefined}
          onChange={(e) => {
            const role = ROLES.find((r) => r === e.target.value);
            if (role) void changeRole.run({ userId: user.id, role });
          }}
          data-testid="user-role-select"
        >
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </select>
      </td>
      <td>
        <span className="cancel-cell">
          <button
            type="button"
            className={user.disabled ? "button button-small" : "button button-small button-danger"}
            disabled={self || pending}
            onClick={() => void toggle.run({ userId: user.id, disabled: !user.disabled })}
            data-testid="user-toggle-disabled"
          >
            {user.disabled ? "Enable" : "Disable"}
          </button>
          <ActionError error={changeRole.error ?? toggle.error} testId="user-action-error" />
        </span>
      </td>
    </>
  );
}
