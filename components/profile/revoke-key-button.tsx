"use client";

import { useState } from "react";
import type { ActionResult } from "@/lib/api-types";
import { ActionError } from "@/components/auth/action-error";
import { useServerAction } from "@/components/auth/use-server-action";

/** Revoking cannot be undone, so it takes a second click. */
export function RevokeKeyButton({ keyId, revoke }: { keyId: string; revoke: (input: { keyId: string }) => Promise<ActionResult<unknown>> }) {
  const [confirming, setConfirming] = useState(false);
  const action = useServerAction(revoke);

  if (!confirming) {
    return (
      <button type="button" className="button button-small" onClick={() => setConfirming(true)} data-testid="api-key-revoke">
        Revoke
      </button>
    );
  }
  return (
    <span className="cancel-cell">
      <button type="button" className="button button-small button-danger" disabled={action.pending} onClick={() => void action.run({ keyId })} data-testid="api-key-revoke-confirm">
        {action.pending ? "Revoking…" : "Confirm revoke"}
      </button>
      <button type="button" className="button button-small" disabled={action.pending} onClick={() => setConfirming(false)}>
        Keep
      </button>
      <ActionError error={action.error} testId="api-key-revoke-error" />
    </span>
  );
}
