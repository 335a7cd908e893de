"use client";

import type { Bar, BarInterval } from "@/lib/domain/market-data";
import { rooms } from "@/lib/realtime/events";
import { useRooms, useSocketEvent } from "@/lib/client/use-socket";

/** Calls onBar for each partial or closed bar of one symbol and interval. */
export function useLiveBars(symbol: string, interval: BarInterval, onBar: (bar: Bar) => void): void {
  useRooms([rooms.bars(symbol, interval)]);
  useSocketEvent("bar", (bar) => {
    if (bar.symbol === symbol && bar.interval === interval) onBar(bar);
  });
}
