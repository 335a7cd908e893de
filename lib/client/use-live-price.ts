"use client";

import { useEffect, useRef, useState } from "react";
import type { Tick } from "@/lib/domain/market-data";
import { rooms } from "@/lib/realtime/events";
import { useRooms, useSocketEvent } from "@/lib/client/use-socket";

export interface LivePrice {
  price: number;
  ts: number;
  /** First tick price seen since the page loaded. */
  firstPrice: number;
}

/** Latest tick price of a symbol; renders at most once per animation frame however fast ticks arrive. */
export function useLivePrice(symbol: string): LivePrice | null {
  const [live, setLive] = useState<LivePrice | null>(null);
  const pending = useRef<Tick | null>(null);
  const first = useRef<number | null>(null);
  const frame = useRef<number | null>(null);

  useRooms([rooms.ticks(symbol)]);

  useSocketEvent("tick", (tick) => {
    if (tick.symbol !== symbol) return;
    pending.current = tick;
    if (first.current === null) first.current = tick.price;
    if (frame.current !== null) return;
    frame.current = requestAnimationFrame(() => {
      frame.current = null;
      const latest = pending.current;
      if (latest && first.current !== null) {
        setLive({ price: latest.price, ts: latest.ts, firstPrice: first.current });
      }
    });
  });

  useEffect(
    () => () => {
      if (frame.current !== null) cancelAnimationFrame(frame.current);
      frame.current = null;
    },
    [],
  );

  return live;
}
