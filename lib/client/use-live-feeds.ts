"use client";

import { useState } from "react";
import type { FeedStatus } from "@/lib/domain/market-data";
import { rooms } from "@/lib/realtime/events";
import { useRooms, useSocketEvent } from "@/lib/client/use-socket";

/** Feed states: the server's view at page load, then `feeds` events from the system room. */
export function useLiveFeeds(initial: readonly FeedStatus[]): readonly FeedStatus[] {
  const [feeds, setFeeds] = useState<readonly FeedStatus[]>(initial);
  useRooms([rooms.system]);
  useSocketEvent("feeds", setFeeds);
  return feeds;
}
