import { QueryClient } from "@tanstack/react-query";
import { ApiRequestError } from "@/lib/client/api-client";

/** The app's query defaults, shared by every page that mounts a QueryClientProvider. */
export function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // Live events keep cached data fresh; refetches are for gaps, not polling.
        staleTime: 10_000,
        refetchOnWindowFocus: false,
        retry: (failures, error) =>
          failures < 2 && !(error instanceof ApiRequestError && error.status >= 400 && error.status < 500),
      },
    },
  });
}
