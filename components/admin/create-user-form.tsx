"use client";

import { useState, type FormEvent } from "react";
import { createUserAction } from "@/app/admin/users/actions";
import { ROLES, type Role } from "@/lib/domain/roles";
import { ActionError } from "@/components/auth/action-error";
import { useServerAction } from "@/components/auth/use-server-action";

interface Created {
  email: string;
  oneTimePassword?: string;
}

/** Create a user with a password, or (password left empty) invite one: the server generates a password shown here once. */
export function CreateUserForm({ defaultAccountId, minPasswordLength }: { defaultAccountId: string; minPasswordLength: number }) {
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<Role>("viewer");
  const [accountId, setAccountId] = useState(defaultAccountId);
  const [password, setPassword] = useState("");
  const [created, setCreated] = useState<Created | null>(null);
  const create = useServerAction(createUserAction);
  const invite = password.length === 0;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setCreated(null);
    const result = await create.run({ email: email.trim(), role, accountId: accountId.trim() || undefined, password: invite ? undefined : password });
    if (!result) return;
    setCreated({ email: result.user.email, oneTimePassword: result.oneTimePassword });
    setEmail("");
    setPassword("");
  }

  return (
    <div className="stack-form">
      <form className="stack-form" data-testid="user-create-form" onSubmit={submit} aria-label="Create a user">
        <label className="field">
          <span>Email</span>
          <input type="email" required value={email} onChange={(e) => setEmail(e.target.value)} data-testid="user-create-email" />
        </label>
        <div className="form-row">
          <label className="field">
            <span>Role</span>
            <select value={role} onChange={(e) => setRole(ROLES.find((r) => r === e.target.value) ?? "viewer")} data-testid="user-create-role">
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {r}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>Trading account</span>
            <input type="text" pattern={"[a-z0-9\\-]{1,40}"} value={accountId} onChange={(e) => setAccountId(e.target.value)} data-testid="user-create-account" />
          </label>
        </div>
        <label className="field">
          <span>Initial password (at least {minPasswordLength} characters; leave empty to invite with a generated one-time password)</span>
          <input type="password" autoComplete="new-password" minLength={minPasswordLength} value={password} onChange={(e) => setPassword(e.target.value)} data-testid="user-create-password" />
        </label>
        <button type="submit" className="button button-primary" disabled={create.pending} data-testid="user-create-submit">
          {create.pending ? "Creating…" : invite ? "Invite user" : "Create user"}
        </button>
        <ActionError error={create.error} testId="user-create-error" />
      </form>
      {created ? (
        <div className="secret-notice" role="status" data-testid="user-created">
          <p>Created {created.email}.</p>
          {created.oneTimePassword ? (
            <>
              <p className="secret-warning">Pass this password on privately; it is shown only now. The user should change it on the profile page.</p>
              <code className="secret-value" data-testid="user-one-time-password">
                {created.oneTimePassword}
              </code>
            </>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
