"use client";

import { useState } from "react";
import type { RiskStateName } from "@/lib/domain/account";
import { useKillSwitch } from "@/lib/client/use-kill-switch";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";

/** The emergency stop (after a confirmation) and, once halted, the re-arm button for those who may re-arm. */
export function KillSwitch({ state, canRearm }: { state: RiskStateName | undefined; canRearm: boolean }) {
  const [confirming, setConfirming] = useState(false);
  const killSwitch = useKillSwitch();
  const result = killSwitch.data;
  const message = killSwitch.error
    ? `Error: ${killSwitch.error.message}`
    : result && !result.ok
      ? `${result.error.code}: ${result.error.message}`
      : null;
  const halted = state === "HALTED";

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
      {halted && canRearm ? (
        <button
          type="button"
          className="button"
          data-testid="risk-rearm"
          disabled={killSwitch.isPending}
          onClick={() => killSwitch.mutate(false)}
        >
          Re-arm
        </button>
      ) : null}
      {halted && !canRearm ? (
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
          killSwitch.mutate(true);
        }}
      />
    </div>
  );
}
