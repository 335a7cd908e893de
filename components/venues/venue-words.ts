import type { BadgeTone } from "@/components/ui/badge";
import type { VenueConnectionState } from "@/lib/execution/live-venue";
import type { Mismatch, MismatchAction, ReconciliationPhase } from "@/lib/engine/live/mismatch";

/** What a person reads for each venue's internal name. */
export const VENUE_LABEL: Record<string, string> = { paper: "Paper", bybit: "Bybit", mt5: "MetaTrader 5" };

export function venueLabel(venue: string): string {
  return VENUE_LABEL[venue] ?? venue;
}

export interface Wording {
  label: string;
  tone: BadgeTone;
}

const CONNECTION_WORDS: Record<VenueConnectionState, Wording> = {
  connected: { label: "Connected", tone: "success" },
  connecting: { label: "Connecting", tone: "info" },
  disconnected: { label: "Disconnected", tone: "warning" },
  banned: { label: "Banned by the venue", tone: "danger" },
  unauthenticated: { label: "Not signed in", tone: "danger" },
};

export function connectionWords(state: VenueConnectionState): Wording {
  return CONNECTION_WORDS[state];
}

const PHASE_WORDS: Record<ReconciliationPhase, Wording> = {
  agreed: { label: "agreed", tone: "success" },
  pending: { label: "pending", tone: "info" },
  reconciling: { label: "reconciling", tone: "info" },
  mismatch: { label: "mismatch", tone: "danger" },
  failed: { label: "failed", tone: "danger" },
};

export function phaseWords(phase: ReconciliationPhase): Wording {
  return PHASE_WORDS[phase];
}

/** Why a trader's order to this venue would be refused right now; null once the books agree. */
export function blockedNotice(venue: string, phase: ReconciliationPhase): string | null {
  if (phase === "agreed") return null;
  return `New orders to ${venueLabel(venue)} are blocked until the books agree (reconciliation: ${phase}).`;
}

export interface KeysSummary {
  source: "environment" | "admin";
  maskedKey: string;
}

export function keysWords(keys: KeysSummary | null): string {
  if (!keys) return "No API keys";
  const from = keys.source === "environment" ? "from the environment (BYBIT_API_KEY)" : "stored by an admin";
  return `Key ${keys.maskedKey}, ${from}`;
}

function joinSymbols(symbols: readonly string[]): string {
  return symbols.join(", ");
}

/** The banner line: which symbols' orders go to which real venue. */
export function liveBannerText(routes: ReadonlyArray<{ symbol: string; venue: string }>): string {
  const byVenue = new Map<string, string[]>();
  for (const route of routes) {
    if (route.venue === "paper") continue;
    byVenue.set(route.venue, [...(byVenue.get(route.venue) ?? []), route.symbol]);
  }
  if (byVenue.size === 0) return "LIVE MODE — no symbol is routed to a live venue yet; every order is still filled on paper";
  const parts = [...byVenue].map(([venue, symbols]) => `orders for ${joinSymbols(symbols)} go to ${venueLabel(venue)}`);
  return `LIVE TRADING — ${parts.join("; ")} with real funds`;
}

const ADOPT_EFFECT: Record<Mismatch["kind"], string> = {
  "venue-order": "The platform starts tracking the venue's order as its own.",
  "missing-order": "The order is closed here, as the venue has no record of it.",
  position: "The difference is booked as a fill at the venue's average price.",
};

/** What the confirmation asks before an answer to a mismatch changes our books or the venue's. */
export function resolveWording(mismatch: Pick<Mismatch, "kind" | "symbol">, action: MismatchAction): { title: string; message: string; confirmLabel: string } {
  if (action === "cancel") {
    return { title: `Cancel the ${mismatch.symbol} order at the venue?`, message: "The venue cancels its open order; whatever already filled stays filled.", confirmLabel: "Cancel the venue's order" };
  }
  return { title: `Adopt the venue's view of ${mismatch.symbol}?`, message: ADOPT_EFFECT[mismatch.kind], confirmLabel: "Adopt" };
}
