import { queryOptions } from "@tanstack/react-query";
import { getJson } from "@/lib/client/api-client";
import type { SymbolSignals } from "@/lib/server/models/latest-signals";

/** The engine calls once per closed bar; 5 s keeps the overview within a few seconds of the 1m calls. */
export const SIGNALS_POLL_MS = 5_000;

export const latestSignalsQuery = () =>
  queryOptions({
    queryKey: ["signals", "latest"] as const,
    queryFn: ({ signal }) => getJson<{ symbols: SymbolSignals[] }>("/api/signals/latest", { signal }),
    refetchInterval: SIGNALS_POLL_MS,
    staleTime: 0,
  });
