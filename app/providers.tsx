"use client";

import { useState, type ReactNode } from "react";
import { QueryClientProvider } from "@tanstack/react-query";
import { RealtimeProvider } from "@/lib/client/realtime-provider";
import { makeQueryClient } from "@/lib/client/query-client";

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
