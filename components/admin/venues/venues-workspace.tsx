"use client";

import { useState } from "react";
import { QueryClientProvider, useQuery } from "@tanstack/react-query";
import { makeQueryClient } from "@/lib/client/query-client";
import type { VenueAdminView } from "@/lib/server/venues/venue-admin";
import { QueryStatus } from "@/components/ui/query-status";
import { venuesQuery } from "@/components/venues/venues-query";
import { BybitVenuePanel } from "./bybit-venue-panel";
import { Mt5VenuePanel } from "./mt5-venue-panel";
import { PaperVenuePanel } from "./paper-venue-panel";
import { TradingModePanel } from "./trading-mode-panel";

function VenuesPanels({ view }: { view: VenueAdminView }) {
  // The server's render is the first answer; the poll keeps connection state current.
  const { data, error } = useQuery({ ...venuesQuery(), initialData: view.status });
  const status = data ?? view.status;
  const paperSymbols = status.routes.filter((r) => r.venue === "paper").map((r) => r.symbol);
  return (
    <div className="dashboard-grid page-grid">
      <TradingModePanel status={status} />
      <PaperVenuePanel symbols={paperSymbols} />
      <BybitVenuePanel status={status} bybit={view.bybit} />
      <Mt5VenuePanel status={status} mt5={view.mt5} />
      {error ? <QueryStatus isPending={false} error={error} label="venue status" /> : null}
    </div>
  );
}

export function VenuesWorkspace({ view }: { view: VenueAdminView }) {
  const [queryClient] = useState(makeQueryClient);
  return (
    <QueryClientProvider client={queryClient}>
      <VenuesPanels view={view} />
    </QueryClientProvider>
  );
}
