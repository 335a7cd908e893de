"use client";

import { useState } from "react";
import type { RiskStateName } from "@/lib/domain/account";
import { useKillSwitch } from "@/lib/client/use-kill-switch";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { RearmDialog } from "./rearm-dialog";

/** The emergency stop (after a confirmation) and, once halted or reducing, re-arming with a password for admins. */
export function KillSwitch({ state, canRearm }: { state: RiskStateName | undefined; canRearm: boolean }) {
  const [confirming, setConfirming] = useState(false);
  const [rearming, setRearming] = useState(false);
  const killSwitch = useKillSwitch();
  const result = killSwitch.data;
  const message = killSwitch.error
    ? `Error: ${killSwitch.error.message}`
    : result && !result.ok
      ? `${result.error.code}: ${result.error.message}`
      : null;
  const halted = state === "HALTED";
  const restricted = halted || state === "REDUCING";

  return (
    <div className="kill-switch-area">
      <button
        type="button"
        className="kill-switch"
        data-testid="kill-switch"
        aria-label="Kill switch: halt trading and cancel open orders"
        disabled={killSwitch.isPending || halted}
        onClick={() => setConfirming(true)}
      >
        KILL SWITCH
      </button>
      {restricted && canRearm ? (
        <button type="button" className="button" data-testid="risk-rearm" onClick={() => setRearming(true)}>
          Re-arm
        </button>
      ) : null}
      {restricted && !canRearm ? (
        <p className="panel-note" data-testid="risk-rearm-note">
          Only an admin can re-arm trading.
        </p>
      ) : null}
      {message ? (
        <p className="inline-error" role="alert" data-testid="risk-action-error">
          {message}
        </p>
      ) : null}
      <ConfirmDialog
        open={confirming}
        title="Engage the kill switch?"
        message="Trading halts at once: open orders are canceled and only cancels are accepted until an admin re-arms."
        confirmLabel="Halt trading"
        danger
        testId="kill-switch-dialog"
        onCancel={() => setConfirming(false)}
        onConfirm={() => {
          setConfirming(false);
          killSwitch.mutate();
        }}
      />
      <RearmDialog open={rearming} onClose={() => setRearming(false)} />
    </div>
  );
}
