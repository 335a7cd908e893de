"use client";

import { useEffect, useRef, useState } from "react";
import { useRearm } from "@/lib/client/use-kill-switch";

/** Re-arming asks the admin for their password again: a halt is not undone by a stray click or an unattended tab. */
export function RearmDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const [password, setPassword] = useState("");
  const rearm = useRearm();
  const result = rearm.data;
  const error = rearm.error ? rearm.error.message : result && !result.ok ? result.error.message : null;

  useEffect(() => {
    const dialog = ref.current;
    if (open && dialog && !dialog.open) dialog.showModal();
    if (!open && dialog?.open) dialog.close();
  }, [open]);

  const close = () => {
    setPassword("");
    rearm.reset();
    onClose();
  };

  return (
    <dialog ref={ref} className="confirm-dialog" aria-label="Re-arm trading" data-testid="rearm-dialog" onCancel={(e) => (e.preventDefault(), close())}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          rearm.mutate(password, { onSuccess: (r) => r.ok && close() });
        }}
      >
        <h3>Re-arm trading?</h3>
        <p>Orders will be accepted again. Re-enter your password to confirm.</p>
        <label className="field">
          Password
          <input type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} data-testid="rearm-password" required />
        </label>
        {error ? <p className="inline-error" role="alert" data-testid="rearm-error">{error}</p> : null}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={close}>Cancel</button>
          <button type="submit" className="button button-primary" disabled={rearm.isPending || password.length === 0} data-testid="rearm-confirm">Re-arm</button>
        </div>
      </form>
    </dialog>
  );
}
