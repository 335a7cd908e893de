"use client";

import type { VenuesView } from "@/lib/server/venues/venue-status";
import { Badge } from "@/components/ui/badge";
import { VenueConnection } from "@/components/venues/venue-connection";

/** Paper mode has no session with a real venue, and an engine that did not answer has none we know of: say which. */
export function EngineVenueConnection({ status, venue, lastMessageLabel }: { status: VenuesView; venue: string; lastMessageLabel?: string }) {
  const live = status.venues.find((v) => v.venue === venue);
  if (live) return <VenueConnection connection={live.connection} lastMessageLabel={lastMessageLabel} />;
  const [state, text] = status.engineUnreachable
    ? ["unknown", "Unknown: the engine did not answer"]
    : ["unused", status.live ? "Not connected" : "Not used: paper mode"];
  return <p className="panel-lead"><Badge tone="neutral" state={state} testId="venue-connection-state">{text}</Badge></p>;
}
