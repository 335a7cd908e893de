"use client";

import { useQuery } from "@tanstack/react-query";
import type { LiveVenueView } from "@/lib/engine/live/live-venues";
import { UtcTime } from "@/components/auth/utc-time";
import { Badge } from "@/components/ui/badge";
import { Panel } from "@/components/ui/panel";
import { QueryStatus } from "@/components/ui/query-status";
import { MismatchTable } from "./mismatch-table";
import { useReconcileNow } from "./use-venue-actions";
import { VenueConnection } from "./venue-connection";
import { venuesQuery } from "./venues-query";
import { blockedNotice, phaseWords, venueLabel } from "./venue-words";

function ReconcileNowButton() {
  const reconcile = useReconcileNow();
  return (
    <span className="cancel-cell">
      <button type="button" className="button button-small" disabled={reconcile.isPending} onClick={() => reconcile.mutate()} data-testid="reconcile-now">
        {reconcile.isPending ? "Reconciling…" : "Reconcile now"}
      </button>
      {reconcile.error ? <span className="inline-error" role="alert" data-testid="reconcile-error">{reconcile.error.message}</span> : null}
    </span>
  );
}

function LiveVenueSection({ venue, canTrade }: { venue: LiveVenueView; canTrade: boolean }) {
  const { reconciliation } = venue;
  const phase = phaseWords(reconciliation.phase);
  const blocked = blockedNotice(venue.venue, reconciliation.phase);
  return (
    <section data-testid={`reconciliation-${venue.venue}`} aria-label={`${venueLabel(venue.venue)} reconciliation`}>
      <h3 className="run-section-title">{venueLabel(venue.venue)} · {venue.symbols.join(", ")}</h3>
      <VenueConnection connection={venue.connection} />
      <p className="panel-lead">
        Reconciliation <Badge tone={phase.tone} state={reconciliation.phase} testId="reconciliation-phase">{phase.label}</Badge>{" "}
        checked <UtcTime at={reconciliation.checkedAt} /> {canTrade ? <ReconcileNowButton /> : null}
      </p>
      {blocked ? <p className="banner banner-danger" role="status" data-testid="reconciliation-blocked">{blocked}</p> : null}
      {reconciliation.error ? <p className="inline-error" data-testid="reconciliation-error">{reconciliation.error}</p> : null}
      <MismatchTable mismatches={reconciliation.mismatches} canResolve={canTrade} />
    </section>
  );
}

/** Live mode only: each real venue's connection and whether its books agree with ours, and the trader's answers when not. */
export function ReconciliationPanel({ canTrade }: { canTrade: boolean }) {
  const { data, isPending, error } = useQuery(venuesQuery());
  if (data && !data.live) return null;
  return (
    <Panel title="Live venues" span={12} testId="reconciliation-panel">
      <QueryStatus isPending={isPending} error={error} label="live venues" />
      {data?.engineUnreachable ? <p className="banner banner-danger" role="alert">The engine did not answer: the venues&apos; state is unknown.</p> : null}
      {data?.venues.map((venue) => <LiveVenueSection key={venue.venue} venue={venue} canTrade={canTrade} />)}
    </Panel>
  );
}
