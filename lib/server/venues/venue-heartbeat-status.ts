import type { LiveVenueView } from "@/lib/engine/live/live-venues";

/** A live venue's health as /api/status reports it, read from the engine's heartbeat row (no bus round trip). */
export interface LiveVenueStatus {
  venue: string;
  label: string;
  state: LiveVenueView["connection"]["state"];
  /** Plain words from the venue's side (e.g. the MetaTrader EA not answering); null when all is well. */
  detail: string | null;
  /** Unix ms of the venue's last message (MetaTrader: its last answered heartbeat). */
  lastMessageAt: number | null;
  since: number;
  reconciliation: LiveVenueView["reconciliation"]["phase"];
}

export function liveVenueStatuses(views: readonly LiveVenueView[]): LiveVenueStatus[] {
  return views.map(({ venue, label, connection, reconciliation }) => ({
    venue, label, state: connection.state, detail: connection.detail, lastMessageAt: connection.lastMessageAt, since: connection.since,
    reconciliation: reconciliation.phase,
  }));
}
