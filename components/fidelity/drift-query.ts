import { queryOptions } from "@tanstack/react-query";
import { getJson, withQuery } from "@/lib/client/api-client";
import type { DriftResponse } from "@/lib/fidelity/strategy-drift-view";

// The backtest is re-run on each poll: often enough to see a divergence within a bar or two, cheap for the server.
export const DRIFT_POLL_MS = 10_000;

export const driftQuery = (symbol: string) =>
  queryOptions({
    queryKey: ["fidelity", "drift", symbol] as const,
    queryFn: ({ signal }) => getJson<DriftResponse>(withQuery("/api/fidelity/drift", { symbol }), { signal }),
    refetchInterval: DRIFT_POLL_MS,
  });
