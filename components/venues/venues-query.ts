import { queryOptions } from "@tanstack/react-query";
import { getJson } from "@/lib/client/api-client";
import type { VenuesView } from "@/lib/server/venues/venue-status";

/** Connection and reconciliation change without a socket event; 3 s keeps a blocked venue visible within moments. */
export const VENUES_POLL_MS = 3_000;

export const venuesQuery = () =>
  queryOptions({
    queryKey: ["venues"] as const,
    queryFn: ({ signal }) => getJson<VenuesView>("/api/venues", { signal }),
    refetchInterval: VENUES_POLL_MS,
    staleTime: 0,
  });
