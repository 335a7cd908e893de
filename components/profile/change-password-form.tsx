"use client";

import { useState, type FormEvent } from "react";
import { changePasswordAction } from "@/app/profile/actions";
import { ActionError } from "@/components/auth/action-error";
import { useServerAction } from "@/components/auth/use-server-action";

export function ChangePasswordForm({ minLength }: { minLength: number }) {
  const [current, setCurrent] = useState("");
  const [next, setNext] = useState("");
  const [confirm, setConfirm] = useState("");
  const [done, setDone] = useState(false);
  const change = useServerAction(changePasswordAction);
  const mismatch = confirm.length > 0 && confirm !== next;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setDone(false);
    if (next.length < minLength || next !== confirm) return;
    const result = await change.run({ currentPassword: current, newPassword: next, confirmPassword: confirm });
    if (!result) return;
    setCurrent("");
    setNext("");
    setConfirm("");
    setDone(true);
  }

  return (
    <form className="stack-form" data-testid="change-password-form" onSubmit={submit} aria-label="Change password">
      <label className="field">
        <span>Current password</span>
        <input type="password" autoComplete="current-password" required value={current} onChange={(e) => setCurrent(e.target.value)} data-testid="password-current" />
      </label>
      <label className="field">
        <span>New password (at least {minLength} characters)</span>
        <input type="password" autoComplete="new-password" required minLength={minLength} value={next} onChange={(e) => setNext(e.target.value)} data-testid="password-new" />
      </label>
      <label className="field">
        <span>Confirm the new password</span>
        <input type="password" autoComplete="new-password" required value={confirm} onChange={(e) => setConfirm(e.target.value)} aria-invalid={mismatch} data-testid="password-confirm" />
      </label>
      {mismatch ? <p className="inline-error">The confirmation does not match.</p> : null}
      <button type="submit" className="button button-primary" disabled={change.pending || mismatch || next.length < minLength} data-testid="password-submit">
        {change.pending ? "Saving…" : "Change password"}
      </button>
      <ActionError error={change.error} testId="password-error" />
      {done ? (
        <p className="form-success" role="status" data-testid="password-changed">
          Password changed.
        </p>
      ) : null}
    </form>
  );
}
