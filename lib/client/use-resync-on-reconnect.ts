"use client";

import { useEffect, useRef } from "react";
import { useQueryClient } from "@tanstack/react-query";
import { useConnectionState } from "@/lib/client/use-socket";

/** Events sent while the socket was down are lost, so a reconnect refetches everything shown. */
export function useResyncOnReconnect(): void {
  const state = useConnectionState();
  const queryClient = useQueryClient();
  const wasLive = useRef(false);
  const lost = useRef(false);

  useEffect(() => {
    if (state === "live") {
      if (wasLive.current && lost.current) void queryClient.invalidateQueries();
      wasLive.current = true;
      lost.current = false;
    } else if (wasLive.current) {
      lost.current = true;
    }
  }, [state, queryClient]);
}
