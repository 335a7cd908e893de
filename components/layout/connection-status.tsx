"use client";

import { useConnectionState, type ConnectionState } from "@/lib/client/use-socket";

const LABELS: Record<ConnectionState, string> = {
  connecting: "Connecting…",
  live: "Live",
  reconnecting: "Reconnecting…",
  offline: "Offline",
};

/** Whether live updates are flowing over the realtime connection. */
export function ConnectionStatus() {
  const state = useConnectionState();
  return (
    <span
      className={`connection connection-${state}`}
      role="status"
      aria-live="polite"
      aria-label={`Realtime connection: ${LABELS[state]}`}
      data-testid="connection-status"
      data-state={state}
    >
      <span className="connection-dot" aria-hidden="true" />
      {LABELS[state]}
    </span>
  );
}
