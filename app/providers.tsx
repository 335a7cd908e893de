"use client";

import { useState, type ReactNode } from "react";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { RealtimeProvider } from "@/lib/client/realtime-provider";
import { ApiRequestError } from "@/lib/client/api-client";

function makeQueryClient(): QueryClient {
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

interface ProvidersProps {
  /** Where the browser finds Socket.IO; null is the page's own origin. */
  realtimeUrl: string | null;
  children: ReactNode;
}

export function Providers({ realtimeUrl, children }: ProvidersProps) {
  const [queryClient] = useState(makeQueryClient);
  return (
    <QueryClientProvider client={queryClient}>
      <RealtimeProvider url={realtimeUrl}>{children}</RealtimeProvider>
    </QueryClientProvider>
  );
}
